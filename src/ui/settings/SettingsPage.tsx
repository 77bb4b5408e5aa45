/** Preferences (saved as they change), your work (export/import, kept drafts) and offline datasets. */
import { useState } from 'react';
import { BACKENDS, type BackendChoice } from '../../runner/protocol';
import { useApp, useStores } from '../stores';
import { BACKEND_LABELS } from '../workspace/BackendPicker';
import { DataTransfer } from './DataTransfer';
import { KeptDrafts } from './KeptDrafts';
import { OfflineDatasets } from './OfflineDatasets';
import { SavedModels } from './SavedModels';
import './settings.css';

export function SettingsPage() {
  const { settings } = useStores();
  const backend = useApp('settings', (s) => s.backend);
  const theme = useApp('settings', (s) => s.theme);
  const editor = useApp('settings', (s) => s.editor);
  // Bumped by an import so the kept-drafts list reads again.
  const [imports, setImports] = useState(0);
  return (
    <section className="settings">
      <h1>Settings</h1>
      <div className="field">
        <label htmlFor="settings-backend">Default backend</label>
        <select id="settings-backend" value={backend} onChange={(e) => settings.getState().setBackend(e.target.value as BackendChoice)}>
          {(['auto', ...BACKENDS] as BackendChoice[]).map((b) => (
            <option key={b} value={b}>
              {BACKEND_LABELS[b]}
            </option>
          ))}
        </select>
        <p className="hint">Auto tries WebGPU, then WebGL, then WASM, then CPU, and uses the first that works in this browser.</p>
      </div>
      <fieldset className="field">
        <legend>Theme</legend>
        {(['dark', 'light'] as const).map((t) => (
          <label key={t} className="radio">
            <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => settings.getState().setTheme(t)} /> {t === 'dark' ? 'Dark' : 'Light'}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>Editor</legend>
        <label className="radio">
          <input type="radio" name="editor" value="monaco" checked={editor === 'monaco'} onChange={() => settings.getState().setEditor('monaco')} /> Code
          editor (completion, type checking)
        </label>
        <label className="radio">
          <input type="radio" name="editor" value="plain" checked={editor === 'plain'} onChange={() => settings.getState().setEditor('plain')} /> Plain text
          (works best with screen readers)
        </label>
      </fieldset>
      <DataTransfer onImported={() => setImports((n) => n + 1)} />
      <KeptDrafts version={imports} />
      <SavedModels />
      <OfflineDatasets />
    </section>
  );
}
