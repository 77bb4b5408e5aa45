import type { RunProgress } from '../../state/run-fold';
import { formatDuration } from '../../state/run-fold';

export function ProgressView({ progress, live }: { progress: RunProgress; live: boolean }) {
  const pct = progress.fraction === null ? null : Math.round(progress.fraction * 100);
  const epoch = Math.min(progress.epoch + 1, progress.epochs);
  const parts = [`Epoch ${epoch}/${progress.epochs}`];
  if (live && progress.batchesDone > 0) {
    parts.push(progress.batchesPerEpoch ? `batch ${progress.batchesDone}/${progress.batchesPerEpoch}` : `batch ${progress.batchesDone}`);
  }
  if (live && progress.etaMs !== null) parts.push(`ETA ${formatDuration(progress.etaMs)}`);
  const text = parts.join(' · ');
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Training progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-valuetext={text}
      >
        <div className="progress-fill" style={{ transform: `scaleX(${(pct ?? 0) / 100})` }} />
      </div>
      <div className="progress-text" data-testid="progress-text">
        {text}
      </div>
    </div>
  );
}
