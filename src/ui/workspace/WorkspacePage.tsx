/** `#/drill/<id>`: statement, editor and run pane side by side. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { CUSTOM_DRILL_PREFIX } from '../../core/custom-drill';
import type { DrillEntry } from '../../core/registry';
import { isUnsaved } from '../../state/workspace';
import { canSubmit, isLive } from '../../state/run';
import { usePageTitle } from '../common/use-page-title';
import { CodeEditor, preloadEditor } from '../editor/CodeEditor';
import { useTypesStatus } from '../editor/types-status';
import type { CodeEditorHandle } from '../editor/types';
import { NotFound } from '../NotFound';
import { routeHref } from '../../state/route';
import { useApp, useDrillCatalog, useDrills, useStores } from '../stores';
import { LEVEL_LABELS } from '../../core/drill';
import { keepDatasetOffline } from '../offline/dataset-cache';
import { ResetControl } from './ResetControl';
import { ShareControl } from '../share/ShareControl';
import { RunPane } from './RunPane';
import { Statement } from './Statement';
import { KeyboardHint } from './KeyboardHint';
import { PhoneTabs, type PhoneTab } from './PhoneTabs';

export function WorkspacePage({ drillId }: { drillId: string }) {
  const { registry, problems, customLoaded } = useDrillCatalog();
  if (!registry.has(drillId)) {
    if (!customLoaded && drillId.startsWith(CUSTOM_DRILL_PREFIX)) return <div className="page-loading" aria-busy="true" />;
    const problem = problems.find((p) => p.id === drillId);
    return <NotFound what={problem ? problem.error : `There is no drill called “${drillId}” in this version of Tensor Dojo.`} />;
  }
  return <Workspace entry={registry.get(drillId)} />;
}

const SAVE_LABELS = {
  saved: 'Saved',
  dirty: 'Unsaved changes',
  saving: 'Saving…',
  error: 'Not saved — kept in memory',
} as const;

/** Until the tfjs types are in, `tf.` completes with nothing: say so instead of leaving "Loading…" unexplained. */
function TypesState() {
  const status = useTypesStatus();
  if (status === 'ready' || status === 'idle') return <span className="types-state" data-testid="types-state" data-status={status} />;
  return (
    <span className="types-state hint" data-testid="types-state" data-status={status} aria-live="polite">
      {status === 'loading' ? 'Loading tfjs types… (completions shortly)' : 'tfjs types unavailable: no completions'}
    </span>
  );
}

/** "Level · builds on …": where this drill sits, with a link to the one to do first. */
function BuildsOn({ drill }: { drill: DrillEntry['drill'] }) {
  const drills = useDrills();
  if (drill.level === undefined && drill.buildsOn === undefined) return null;
  const base = drill.buildsOn !== undefined && drills.has(drill.buildsOn) ? drills.get(drill.buildsOn).drill : undefined;
  return (
    <p className="hint drill-place" data-testid="drill-place">
      {drill.level !== undefined && <>Level {drill.level}: {LEVEL_LABELS[drill.level].toLowerCase()}</>}
      {drill.startHere && ' · the place to start'}
      {base && (
        <>
          {drill.level !== undefined && ' · '}
          builds on <a href={routeHref({ name: 'drill', id: base.id })}>{base.title}</a>
        </>
      )}
    </p>
  );
}

function Workspace({ entry }: { entry: DrillEntry }) {
  const { drill, statement, starter, custom } = entry;
  const { workspace, run, settings } = useStores();
  const editorRef = useRef<CodeEditorHandle>(null);
  const draft = useApp('workspace', (s) => s.drafts[drill.id]);
  const loaded = useApp('workspace', (s) => s.load[drill.id] === 'ready');
  const saveStatus = useApp('workspace', (s) => s.saveStatus[drill.id]);
  const theme = useApp('settings', (s) => s.theme);
  const plainEditor = useApp('settings', (s) => s.editor === 'plain');
  const runError = useApp('run', (s) => (s.drillId === drill.id ? (s.view.error ?? s.error) : null));

  const [tabMovesFocus, setTabMovesFocus] = useState(false);
  const [keysExpanded, setKeysExpanded] = useState(false);
  // Only one pane shows at a time on a phone; the CSS ignores this on wider screens.
  const [phoneTab, setPhoneTab] = useState<PhoneTab>('statement');

  usePageTitle(drill.title);

  useEffect(() => {
    // Opened online: keep this drill's dataset for offline use, after the page has settled
    // (the first Run may be fetching it too; the cache then already holds most files).
    // Not when the learner asked the browser to save data (e.g. on a metered phone).
    if ((navigator as { connection?: { saveData?: boolean } }).connection?.saveData) return;
    const stop = new AbortController();
    const timer = setTimeout(() => void keepDatasetOffline(drill.dataset, stop.signal), 3000);
    return () => {
      clearTimeout(timer);
      stop.abort();
    };
  }, [drill.dataset]);

  useEffect(() => {
    if (!plainEditor) preloadEditor();
  }, [plainEditor]);

  useEffect(() => {
    void workspace.getState().open(drill.id, starter);
    return () => workspace.getState().close();
  }, [drill.id, starter, workspace]);

  useEffect(() => {
    // A finished run from another drill has nothing to show here.
    const current = run.getState();
    if (current.drillId !== null && current.drillId !== drill.id && !isLive(current.status)) current.clear();
  }, [drill.id, run]);

  const startRun = useCallback(() => {
    const code = workspace.getState().drafts[drill.id];
    if (code === undefined) return;
    const state = run.getState();
    if (isLive(state.status)) return;
    // Make sure the draft is on disk before untrusted code runs.
    void workspace.getState().flush();
    state.start({ drillId: drill.id, source: code, backend: settings.getState().backend, metric: drill.metric.name, custom, trainAnyway: settings.getState().trainAnyway });
    // On a phone the run's progress is on the Run tab; on a wide screen nothing changes.
    setPhoneTab('run');
  }, [drill.id, drill.metric.name, custom, run, workspace, settings]);

  const submit = useCallback(() => {
    const state = run.getState();
    if (state.drillId !== drill.id || !canSubmit(state)) return;
    void state.submit();
    // The report appears in the Run pane: on a phone, show it (a shortcut may come from another tab).
    setPhoneTab('run');
  }, [drill.id, run]);

  useEffect(() => {
    // Ctrl/Cmd+Enter runs, with Shift submits, wherever focus is (the editor handles them
    // itself too). On the document, not the workspace: pressing Run disables the focused
    // button, and focus falls back to <body>.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return;
      e.preventDefault();
      if (e.shiftKey) submit();
      else startRun();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [startRun, submit]);

  const reveal = useCallback((line: number, column: number) => editorRef.current?.revealPosition(line, column), []);

  const marker = runError?.position ? { line: runError.position.line, column: runError.position.column, message: runError.message } : null;

  return (
    <div className={`workspace phone-tab-${phoneTab}`}>
      <PhoneTabs current={phoneTab} onChange={setPhoneTab} />
      <aside className="ws-statement" id="ws-pane-statement" aria-label="Statement">
        <p className="crumbs">
          <a href="#/">Board</a> / Area {drill.area}
          {custom && (
            <>
              {' '}
              / <span className="tag tag-custom">custom</span> <a href={routeHref({ name: 'custom-edit', id: drill.id })}>Edit this drill</a>
            </>
          )}
        </p>
        {/* Most statements open with their own "# Title"; show ours only when they do not. */}
        {!/^\s*# /.test(statement) && <h1>{drill.title}</h1>}
        <BuildsOn drill={drill} />
        <Statement drill={drill} markdown={statement} />
      </aside>
      <section className="ws-editor" id="ws-pane-code" aria-label="Editor">
        <div className="editor-bar">
          <span className="file-name">drill.ts</span>
          <span className={`save-status save-${saveStatus ?? 'saved'}`} data-testid="save-status" aria-live="polite">
            {loaded ? SAVE_LABELS[saveStatus ?? 'saved'] : 'Loading your draft…'}
          </span>
          {!plainEditor && <TypesState />}
          <span className="spacer" />
          <ShareControl drillId={drill.id} custom={custom} disabled={!loaded} />
          <ResetControl drillId={drill.id} starter={starter} disabled={!loaded || draft === starter} />
        </div>
        {loaded && draft !== undefined ? (
          <CodeEditor
            ref={editorRef}
            value={draft}
            onChange={(code) => workspace.getState().edit(drill.id, code)}
            language="typescript"
            docId={drill.id}
            theme={theme}
            label="Code editor"
            onRun={startRun}
            onSubmit={submit}
            onTabMovesFocus={setTabMovesFocus}
            onKeyboardHelp={() => setKeysExpanded(true)}
            marker={marker}
            plain={plainEditor}
          />
        ) : (
          <div className="code-editor loading" aria-busy="true" />
        )}
        {isUnsaved(saveStatus) && saveStatus === 'error' && (
          <p className="hint save-warning">Your latest changes are only in this tab. Keep it open, or copy your code somewhere safe.</p>
        )}
        <KeyboardHint tabMovesFocus={tabMovesFocus} plain={plainEditor} expanded={keysExpanded} />
      </section>
      <RunPane drillId={drill.id} custom={custom} onRun={startRun} onReveal={reveal} />
    </div>
  );
}
