import { BACKENDS, type BackendChoice, type BackendName } from '../../runner/protocol';

export const BACKEND_LABELS: Record<BackendChoice, string> = {
  auto: 'Auto',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

export function BackendPicker({
  value,
  onChange,
  active,
  disabled,
}: {
  value: BackendChoice;
  onChange(b: BackendChoice): void;
  active: BackendName | null;
  disabled?: boolean;
}) {
  return (
    <div className="backend-picker">
      <label htmlFor="backend-select">Backend</label>
      <select id="backend-select" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as BackendChoice)}>
        {(['auto', ...BACKENDS] as BackendChoice[]).map((b) => (
          <option key={b} value={b}>
            {BACKEND_LABELS[b]}
          </option>
        ))}
      </select>
      {active && (
        <span className="backend-active" data-testid="active-backend">
          on <strong>{BACKEND_LABELS[active]}</strong>
        </span>
      )}
    </div>
  );
}
