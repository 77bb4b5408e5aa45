/**
 * The editor the workspace uses. Monaco (a few MB) is fetched with `import()` after
 * first paint; until then, or if it fails to load, a textarea edits the same value.
 */
import { lazy, Suspense, Component, type ReactNode } from 'react';
import { TextareaEditor } from './TextareaEditor';
import type { CodeEditorProps } from './types';
import { startTypeScriptWorker } from './ts-worker-early';
import { setTypesStatus, typesStatus } from './types-status';

const loadMonaco = () => import('./MonacoEditor');
const MonacoEditor = lazy(loadMonaco);

/**
 * Starts fetching Monaco and setting up TypeScript (types, worker warm-up) as soon as a
 * drill page opens, while the draft is still being read, instead of after the editor
 * mounts. Calling it again does nothing more.
 */
export function preloadEditor(): void {
  // From now on completions are on their way (monaco-setup says when they are in).
  if (typesStatus() === 'idle') setTypesStatus('loading');
  // The TypeScript worker's script (4.5 MB) loads and compiles alongside Monaco too.
  startTypeScriptWorker();
  // The type libraries (a chunk of their own) download alongside Monaco, not after it.
  void import('./type-libs').catch(() => {});
  void loadMonaco()
    .then(() => import('./monaco-setup'))
    .then((m) => m.setUpTypeScript())
    .catch(() => {
      // The editor's own import reports a failure (and falls back to the textarea,
      // which has no completions).
      setTypesStatus('failed');
    });
}

class FallbackOnError extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: unknown) {
    console.warn('The code editor failed to load; using a plain text area instead.', error);
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function CodeEditor(props: CodeEditorProps) {
  const fallback = <TextareaEditor {...props} />;
  if (props.plain) return <div className="code-editor" data-testid="code-editor">{fallback}</div>;
  return (
    <div className="code-editor" data-testid="code-editor">
      <FallbackOnError fallback={fallback}>
        <Suspense fallback={fallback}>
          <MonacoEditor {...props} />
        </Suspense>
      </FallbackOnError>
    </div>
  );
}
