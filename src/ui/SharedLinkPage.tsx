/**
 * `#v1/…`: a drill and code someone shared. Opening it runs nothing and changes
 * nothing: the code is shown read-only with a notice that it came from a link.
 * It reaches the editor only when the learner says so, and a draft of their own
 * is never overwritten without asking (it is kept aside, with Undo).
 *
 * A link to a custom drill carries its definition: it is added to the learner's
 * drills only when they open the code, and if they already have a different drill
 * under that id, the shared one is added as a copy under an id made from its
 * content (the same link opened twice makes one copy).
 */
import { useEffect, useMemo, useState } from 'react';
import { resolveCustomDrill } from '../core/custom-drill-entry';
import { copyOfCustomDrill, sameCustomDrill, type CustomDrillDefinition } from '../core/custom-drill';
import type { DrillEntry } from '../core/registry';
import { decodeShareLink, type SharePayload } from '../core/share';
import { routeHref } from '../state/route';
import { localData } from './settings/local-data';
import './share/share.css';
import { useApp, useShippedDrills, useStores } from './stores';
import { Statement } from './workspace/Statement';
import { toStorageProblem } from '../storage/errors';
import { navigate } from './common/navigate';

export function SharedLinkPage({ payload }: { payload: string }) {
  // Links name shipped drills, or carry a custom drill built on one.
  const registry = useShippedDrills();
  const result = useMemo(() => decodeShareLink(`#v1/${payload}`, { isKnownDrill: (id) => registry.has(id) }), [payload, registry]);

  useEffect(() => {
    document.title = 'Shared drill · Tensor Dojo';
    return () => {
      document.title = 'Tensor Dojo';
    };
  }, []);

  if (result.ok && result.payload.custom) return <SharedCustomDrill shared={result.payload} custom={result.payload.custom} />;
  if (result.ok) return <SharedDrill entry={registry.get(result.payload.drillId)} shared={result.payload} />;
  return <CannotOpen message={result.error.message} code={result.payload?.code} />;
}

function CannotOpen({ message, code }: { message: string; code?: string }) {
  return (
    <section className="shared-page" aria-labelledby="shared-title">
      <h1 id="shared-title">This link cannot be opened</h1>
      <p role="alert" data-testid="share-error">
        {message}
      </p>
      <p>Nothing was run and none of your drafts were changed.</p>
      {code !== undefined && <ReadOnlyCode code={code} />}
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

function SharedCustomDrill({ shared, custom }: { shared: SharePayload; custom: CustomDrillDefinition }) {
  const registry = useShippedDrills();
  const { customDrills } = useStores();
  const loaded = useApp('customDrills', (s) => s.status === 'ready');
  const mine = useApp('customDrills', (s) => s.definitions.find((d) => d.id === custom.id));
  const conflict = mine !== undefined && !sameCustomDrill(mine, custom);
  // The copy's id comes from the link's content, so opening the same link again adds no second copy.
  const definition = useMemo(() => (conflict ? copyOfCustomDrill(custom, 'shared copy') : custom), [conflict, custom]);
  const resolved = useMemo(() => resolveCustomDrill(definition, registry.get(definition.base)), [definition, registry]);

  if (!resolved.ok) return <CannotOpen message={resolved.error} code={shared.code} />;
  if (!loaded) return <div className="page-loading" aria-busy="true" />;
  const note = conflict
    ? `This link holds a custom drill, “${custom.title}”, that differs from your drill of the same name. It will be added as a separate drill, “${definition.title}”, when you open the code; yours stays as it is.`
    : mine
      ? `This link holds your custom drill “${custom.title}”, unchanged.`
      : `This link holds a custom drill, “${custom.title}”, on the data of “${registry.get(custom.base).drill.title}”. It is added to your drills when you open the code.`;
  const ensureDrill = mine && !conflict ? undefined : async () => {
    const saved = await customDrills.getState().save(definition);
    return saved.ok ? null : saved.error;
  };
  return <SharedDrill entry={resolved.value} shared={{ ...shared, drillId: definition.id }} customNote={note} ensureDrill={ensureDrill} />;
}

type Mine = { state: 'loading' } | { state: 'none' } | { state: 'same' } | { state: 'draft'; code: string };

interface SharedDrillProps {
  entry: DrillEntry;
  shared: SharePayload;
  /** For a custom drill: what will happen to its definition. */
  customNote?: string;
  /** Adds the link's custom drill before its code is written anywhere; resolves with a problem, or null. */
  ensureDrill?: () => Promise<string | null>;
}

function SharedDrill({ entry, shared, customNote, ensureDrill }: SharedDrillProps) {
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
    navigate({ name: 'drill', id: drill.id });
  };

  const drillReady = async (): Promise<boolean> => {
    const problem = (await ensureDrill?.()) ?? null;
    if (problem) setProblem(problem);
    return problem === null;
  };

  const openInEditor = async () => {
    if (!(await drillReady())) return;
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
    if (!(await drillReady())) return;
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
      {customNote && (
        <div className="shared-custom" data-testid="shared-custom">
          <p>
            <span className="tag tag-custom">custom</span> {customNote}
          </p>
          <details>
            <summary>Its statement, rules and marks</summary>
            <Statement drill={drill} markdown={entry.statement} />
          </details>
        </div>
      )}
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
