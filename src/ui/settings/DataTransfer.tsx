/**
 * "Your work": export everything to one file and import such a file, merging
 * (newest draft wins, the other is kept aside; attempts are added, never replaced).
 */
import { useRef, useState } from 'react';
import { exportFileName } from '../../storage/export-file';
import { describeMerge } from '../../storage/merge';
import { toStorageProblem } from '../../storage/errors';
import { useStores } from '../stores';
import { localData } from './local-data';

export function DataTransfer({ onImported }: { onImported(): void }) {
  const { workspace, progress, notices, customDrills, savedModels } = useStores();
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const exportAll = async () => {
    setBusy(true);
    try {
      // What the editors hold is the truth, even if the disk refused it (storage full).
      await workspace.getState().flush();
      const file = await localData.exportAll(workspace.getState().drafts);
      const blob = new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = exportFileName(file.exportedAt);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ text: `Exported ${file.drafts.length} drafts and ${file.attempts.length} attempts to ${a.download}.`, error: false });
    } catch (e) {
      setStatus({ text: `Export failed: ${toStorageProblem(e).message}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      await workspace.getState().flush();
      const result = await localData.importText(await file.text());
      if (!result.ok) {
        setStatus({ text: result.error, error: true });
        return;
      }
      const changed = new Set(result.outcome.changedDrafts);
      // Drafts already read into memory are stale now: forget them so the next visit reads the merged one.
      workspace.setState((s) => ({
        drafts: Object.fromEntries(Object.entries(s.drafts).filter(([id]) => !changed.has(id))),
        load: Object.fromEntries(Object.entries(s.load).filter(([id]) => !changed.has(id))),
      }));
      await progress.getState().load();
      if (result.outcome.changedCustomDrills) await customDrills.getState().load();
      if (result.outcome.changedModels) await savedModels.getState().load();
      const text = describeMerge(result.outcome.summary, result.outcome.skipped);
      setStatus({ text, error: false });
      notices.getState().pushToast(text);
      onImported();
    } catch (e) {
      setStatus({ text: `Import failed, nothing was changed: ${toStorageProblem(e).message}`, error: true });
    } finally {
      setBusy(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  return (
    <section className="field" aria-labelledby="data-title">
      <h2 id="data-title">Your work</h2>
      <p className="hint">
        Drafts, attempts, custom drills and saved models live in this browser. Export them to one file to keep a copy or to move to another machine; importing merges: for each drill the
        newer draft wins and the other is kept aside, attempts and saved models are added, and a custom drill changed on both sides is kept twice (the older as a copy).
      </p>
      <div className="settings-row">
        <button type="button" className="btn" disabled={busy} onClick={() => void exportAll()}>
          Export everything
        </button>
        <label className="btn">
          Import a file…
          <input
            ref={fileRef}
            type="file"
            accept=".json,application/json"
            className="sr-only"
            aria-label="Import a file"
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void importFile(file);
            }}
          />
        </label>
      </div>
      {status && (
        <p role={status.error ? 'alert' : 'status'} data-testid="transfer-status" className={status.error ? 'save-warning' : undefined}>
          {status.text}
        </p>
      )}
    </section>
  );
}
