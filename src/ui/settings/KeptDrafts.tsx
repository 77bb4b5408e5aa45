/** Drafts set aside by imports and share links: copy one, make it the draft again, or delete it. */
import { useCallback, useEffect, useState } from 'react';
import type { KeptDraftRecord, KeptReason } from '../../storage/db';
import { toStorageProblem } from '../../storage/errors';
import { useDrills, useStores } from '../stores';
import { localData } from './local-data';
import { navigate } from '../common/navigate';

const REASONS: Record<KeptReason, string> = {
  import: 'set aside by an import',
  link: 'from a share link',
  restore: 'replaced when another was restored',
};

export function KeptDrafts({ version }: { version: number }) {
  const registry = useDrills();
  const { workspace, notices } = useStores();
  const [kept, setKept] = useState<KeptDraftRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    localData.listKept().then(setKept, (e: unknown) => setError(toStorageProblem(e).message));
  }, []);
  useEffect(reload, [reload, version]);

  const restore = async (k: KeptDraftRecord) => {
    if (!registry.has(k.drillId)) return;
    const ws = workspace.getState();
    await ws.open(k.drillId, registry.get(k.drillId).starter);
    ws.close();
    const current = workspace.getState().drafts[k.drillId];
    const now = Date.now();
    try {
      // The draft being replaced is kept in its turn: swapping never loses either.
      if (current !== undefined && current !== k.code && current !== registry.get(k.drillId).starter) {
        await localData.keep({ drillId: k.drillId, code: current, updatedAt: now, keptAt: now, reason: 'restore' });
      }
      await localData.deleteKept(k.id);
    } catch (e) {
      setError(toStorageProblem(e).message);
      return;
    }
    workspace.getState().edit(k.drillId, k.code);
    await workspace.getState().flush();
    notices.getState().pushToast('Kept draft restored; the one it replaced is kept in its place.');
    navigate({ name: 'drill', id: k.drillId });
  };

  const remove = async (k: KeptDraftRecord) => {
    if (!window.confirm('Delete this kept draft for good?')) return;
    try {
      await localData.deleteKept(k.id);
      reload();
    } catch (e) {
      setError(toStorageProblem(e).message);
    }
  };

  return (
    <section className="field" aria-labelledby="kept-title">
      <h2 id="kept-title">Kept drafts</h2>
      <p className="hint">Nothing you wrote is overwritten: a draft replaced by an import or a shared link waits here.</p>
      {error && <p role="alert">{error}</p>}
      {kept === null ? null : kept.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="kept-list">
          {kept.map((k) => (
            <li key={k.id} data-testid="kept-draft">
              <span>
                <strong>{registry.has(k.drillId) ? registry.get(k.drillId).drill.title : k.drillId}</strong> — {REASONS[k.reason]}, {new Date(k.keptAt).toLocaleString()} (
                {k.code.split('\n').length} lines)
              </span>
              <span className="settings-row">
                <button type="button" className="btn btn-quiet" onClick={() => void navigator.clipboard.writeText(k.code)}>
                  Copy
                </button>
                {registry.has(k.drillId) && (
                  <button type="button" className="btn btn-quiet" onClick={() => void restore(k)}>
                    Make it my draft
                  </button>
                )}
                <button type="button" className="btn btn-quiet" onClick={() => void remove(k)}>
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
