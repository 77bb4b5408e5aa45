/**
 * `#v1/…`: a drill and code someone shared. Opening it runs nothing and changes
 * nothing: the code is shown read-only with a notice that it came from a link.
 * It reaches the editor only when the learner says so, and a draft of their own
 * is never overwritten without asking (it is kept aside, with Undo).
 */
import { useEffect, useMemo, useState } from 'react';
import type { DrillEntry } from '../core/registry';
import { decodeShareLink, type SharePayload } from '../core/share';
import { routeHref } from '../state/route';
import { localData } from './settings/local-data';
import './share/share.css';
import { useDrills, useStores } from './stores';
import { toStorageProblem } from '../storage/errors';

export function SharedLinkPage({ payload }: { payload: string }) {
  const registry = useDrills();
  const result = useMemo(() => decodeShareLink(`#v1/${payload}`, { isKnownDrill: (id) => registry.has(id) }), [payload, registry]);

  useEffect(() => {
    document.title = 'Shared drill · Tensor Dojo';
    return () => {
      document.title = 'Tensor Dojo';
    };
  }, []);

  if (result.ok && !result.payload.custom) return <SharedDrill entry={registry.get(result.payload.drillId)} shared={result.payload} />;

  const readable = result.payload;
  return (
    <section className="shared-page" aria-labelledby="shared-title">
      <h1 id="shared-title">This link cannot be opened</h1>
      <p role="alert" data-testid="share-error">
        {result.ok
          ? `This link holds the custom drill “${result.payload.custom!.title}”. This version of Tensor Dojo cannot open custom drills yet; you can still read and copy the code.`
          : result.error.message}
      </p>
      <p>Nothing was run and none of your drafts were changed.</p>
      {readable && <ReadOnlyCode code={readable.code} />}
      <p>
        <a href={routeHref({ name: 'board' })}>Back to the board</a>
      </p>
    </section>
  );
}

function ReadOnlyCode({ code }: { code: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <pre className="shared-code" aria-label="Shared code (read-only)" data-testid="shared-code" tabIndex={0}>
        <code>{code}</code>
      </pre>
      <button
        type="button"
        className="btn"
        onClick={() =>
          void navigator.clipboard.writeText(code).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? 'Code copied' : 'Copy code'}
      </button>
    </>
  );
}

type Mine = { state: 'loading' } | { state: 'none' } | { state: 'same' } | { state: 'draft'; code: string };

function SharedDrill({ entry, shared }: { entry: DrillEntry; shared: SharePayload }) {
  const { drill, starter } = entry;
  const { workspace, notices } = useStores();
  const [mine, setMine] = useState<Mine>({ state: 'loading' });
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    // Loads the learner's draft into memory (or the starter if they have none) without showing it.
    const ws = workspace.getState();
    void ws.open(drill.id, starter).then(() => {
      ws.close();
      if (!live) return;
      const code = workspace.getState().drafts[drill.id];
      if (code === undefined || code === starter) setMine({ state: 'none' });
      else if (code === shared.code) setMine({ state: 'same' });
      else setMine({ state: 'draft', code });
    });
    return () => {
      live = false;
    };
  }, [drill.id, starter, shared.code, workspace]);

  const goToDrill = () => {
    window.location.hash = routeHref({ name: 'drill', id: drill.id });
  };

  const openInEditor = async () => {
    workspace.getState().edit(drill.id, shared.code);
    await workspace.getState().flush();
    goToDrill();
  };

  const replaceMine = async (code: string) => {
    const now = Date.now();
    try {
      await localData.keep({ drillId: drill.id, code, updatedAt: now, keptAt: now, reason: 'link' });
    } catch (e) {
      // Without a safe copy of their draft we do not replace it.
      setProblem(`${toStorageProblem(e).message} Your draft was not replaced.`);
      return;
    }
    await openInEditor();
    notices.getState().pushToast('The shared code replaced your draft; yours is under Settings → Kept drafts.', {
      label: 'Undo',
      run: () => workspace.getState().edit(drill.id, code),
    });
  };

  const saveAsCopy = async () => {
    const now = Date.now();
    try {
      await localData.keep({ drillId: drill.id, code: shared.code, updatedAt: now, keptAt: now, reason: 'link' });
    } catch (e) {
      setProblem(toStorageProblem(e).message);
      return;
    }
    notices.getState().pushToast('Saved a copy of the shared code under Settings → Kept drafts. Your draft is unchanged.');
    goToDrill();
  };

  return (
    <section className="shared-page" aria-labelledby="shared-title">
      <p className="crumbs">
        <a href={routeHref({ name: 'board' })}>Board</a> / Shared link
      </p>
      <h1 id="shared-title">{drill.title}</h1>
      <p className="shared-notice" role="note" data-testid="shared-notice">
        This code came from a link. Nothing has run, and your own draft for this drill is unchanged. Read it before you run it.
      </p>
      <ReadOnlyCode code={shared.code} />
      <div className="shared-actions">
        {mine.state === 'loading' && <span aria-busy="true">Checking for a draft of your own…</span>}
        {(mine.state === 'none' || mine.state === 'same') && (
          <button type="button" className="btn btn-primary" onClick={() => void openInEditor()}>
            Open in the editor
          </button>
        )}
        {mine.state === 'draft' && (
          <>
            <p>You already have a draft for this drill. What should happen to it?</p>
            <button type="button" className="btn btn-primary" onClick={() => void saveAsCopy()}>
              Keep my draft, save this as a copy
            </button>
            <button type="button" className="btn" onClick={() => void replaceMine(mine.code)}>
              Replace my draft
            </button>
          </>
        )}
        <a href={routeHref({ name: 'board' })}>Back to the board</a>
      </div>
      {problem && (
        <p role="alert" className="save-warning">
          {problem}
        </p>
      )}
    </section>
  );
}
