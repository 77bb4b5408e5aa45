/**
 * Monaco, trimmed to what a TypeScript lab needs: the editor core, the TypeScript
 * language (tokenizer + language service) and a handful of editor features.
 * The full `monaco-editor` entry would pull in every language and its worker.
 *
 * Workers are wired explicitly: without `MonacoEnvironment.getWorker` Monaco runs
 * them on the main thread and logs "Could not create web worker(s)".
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import { TabFocus } from 'monaco-editor/esm/vs/editor/browser/config/tabFocus.js';
import { setTypesStatus } from './types-status';
import { takeTypeScriptWorker } from './ts-worker-early';
import { EDITOR_COMPILER_OPTIONS } from './compiler-options';

import 'monaco-editor/esm/vs/editor/browser/coreCommands.js';
import 'monaco-editor/esm/vs/editor/browser/widget/codeEditor/codeEditorWidget.js';
import 'monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/esm/vs/editor/contrib/codeAction/browser/codeActionContributions.js';
import 'monaco-editor/esm/vs/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/esm/vs/editor/contrib/contextmenu/browser/contextmenu.js';
import 'monaco-editor/esm/vs/editor/contrib/cursorUndo/browser/cursorUndo.js';
import 'monaco-editor/esm/vs/editor/contrib/find/browser/findController.js';
import 'monaco-editor/esm/vs/editor/contrib/folding/browser/folding.js';
import 'monaco-editor/esm/vs/editor/contrib/format/browser/formatActions.js';
import 'monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/esm/vs/editor/contrib/gotoSymbol/browser/goToCommands.js';
import 'monaco-editor/esm/vs/editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition.js';
import 'monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/esm/vs/editor/contrib/indentation/browser/indentation.js';
import 'monaco-editor/esm/vs/editor/contrib/inlineProgress/browser/inlineProgress.js';
import 'monaco-editor/esm/vs/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-editor/esm/vs/editor/contrib/multicursor/browser/multicursor.js';
import 'monaco-editor/esm/vs/editor/contrib/parameterHints/browser/parameterHints.js';
import 'monaco-editor/esm/vs/editor/contrib/rename/browser/rename.js';
import 'monaco-editor/esm/vs/editor/contrib/smartSelect/browser/smartSelect.js';
import 'monaco-editor/esm/vs/editor/contrib/snippet/browser/snippetController2.js';
import 'monaco-editor/esm/vs/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/esm/vs/editor/contrib/wordHighlighter/browser/wordHighlighter.js';
import 'monaco-editor/esm/vs/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-editor/esm/vs/editor/contrib/readOnlyMessage/browser/contribution.js';
// Ctrl+M (Ctrl+Shift+M on a Mac): Tab moves focus instead of inserting a tab, so a
// keyboard user is never trapped in the editor.
import 'monaco-editor/esm/vs/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js';
import 'monaco-editor/esm/vs/editor/common/standaloneStrings.js';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codiconStyles.js';
import 'monaco-editor/esm/vs/basic-languages/typescript/typescript.contribution.js';
import 'monaco-editor/esm/vs/language/typescript/monaco.contribution.js';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'typescript' || label === 'javascript' ? takeTypeScriptWorker() : new EditorWorker();
  },
};

/** The learner's file; imports resolve against `file:///node_modules/...` extra libs. */
export const DRILL_URI = 'file:///drill.ts';

let typesLoading: Promise<void> | null = null;

/** Compiler options once; the type libraries (a few MB of text) fetched in the background. */
export function setUpTypeScript(): Promise<void> {
  if (typesLoading) return typesLoading;
  const ts = monaco.languages.typescript;
  // Monaco's types stop at ES2020; its TypeScript knows ES2022 (the numbers are TypeScript's own).
  ts.typescriptDefaults.setCompilerOptions({ ...EDITOR_COMPILER_OPTIONS, lib: [...EDITOR_COMPILER_OPTIONS.lib] } as unknown as monaco.languages.typescript.CompilerOptions);
  ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  // Only the learner's file is validated, so keep the worker's model sync eager.
  ts.typescriptDefaults.setEagerModelSync(true);
  setTypesStatus('loading');
  // The worker (a 4.5 MB script to fetch and compile, then TypeScript's own libs to
  // parse) starts now, while the tfjs declarations are still on their way.
  const worker = startWorker();
  typesLoading = import('./type-libs')
    .then(({ loadTypeLibs }) => {
      ts.typescriptDefaults.setExtraLibs(loadTypeLibs());
      return worker.then(() => warmUpWithRetries());
    })
    .then(
      () => setTypesStatus('ready'),
      (e: unknown) => {
        console.warn('The editor could not load the tfjs types; completions are off.', e);
        setTypesStatus('failed');
      },
    );
  return typesLoading;
}

/** A TypeScript model of our own; creating one is what registers the language's worker. */
const WARM_UP_URI = 'file:///__warm_up__.ts';
const WARM_UP_SOURCE = "import * as tf from '@tensorflow/tfjs';\ntf.";

/**
 * Starts the TypeScript worker and has it build a first program (TypeScript's own
 * libs) before the tfjs declarations arrive; they are then sent to the running worker.
 * A failure here is not final: the warm-up below starts the worker again if need be.
 */
async function startWorker(): Promise<void> {
  const uri = monaco.Uri.parse(WARM_UP_URI);
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(WARM_UP_SOURCE, 'typescript', uri);
  try {
    const getWorker = await monaco.languages.typescript.getTypeScriptWorker();
    const worker = await getWorker(model.uri);
    await worker.getSyntacticDiagnostics(model.uri.toString());
  } catch {
    // "TypeScript not registered!" when asked too early; warmUpWithRetries tries again.
  }
}

/**
 * The language's worker is registered lazily, when its first model appears; asked too
 * early it answers "TypeScript not registered!" (seen once in CI, with the editor's own
 * model created at the same moment). A few tries, half a second apart, before "failed".
 */
async function warmUpWithRetries(tries = 4): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await warmUpCompletions();
    } catch (e) {
      if (i >= tries) {
        monaco.editor.getModel(monaco.Uri.parse(WARM_UP_URI))?.dispose();
        throw e;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/**
 * Asks the TypeScript worker for the completions of `tf.` once, in the background, as
 * soon as the types are handed over: the worker parses the tfjs declarations (most of
 * the first-completion wait) before the learner types `tf.`, not after. Only an answer
 * that lists tfjs' members counts: one without them came before the declarations did.
 */
async function warmUpCompletions(): Promise<void> {
  const uri = monaco.Uri.parse(WARM_UP_URI);
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(WARM_UP_SOURCE, 'typescript', uri);
  const getWorker = await monaco.languages.typescript.getTypeScriptWorker();
  const worker = await getWorker(model.uri);
  const completions = await worker.getCompletionsAtPosition(model.uri.toString(), WARM_UP_SOURCE.length);
  if (!completions?.entries.some((e: { name: string }) => e.name === 'sequential')) throw new Error('the TypeScript worker does not know tfjs yet');
  model.dispose();
}

export { monaco, TabFocus };
