/**
 * `dojo grade`'s type check: the learner's file against tfjs' declarations and the
 * lab API's, with the editor's compiler options (src/ui/editor/monaco-setup.ts),
 * so the CLI and the browser agree on what is wrong before anything trains.
 * The TypeScript compiler API does the work; it is loaded only when asked for.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface TypeProblem {
  file: string;
  /** 1-based, as editors show them. */
  line: number;
  column: number;
  message: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Type errors in `file` (only there: libraries are trusted, as in the editor).
 * `shownAs` is how the file is named in the problems (the path the user typed).
 */
export async function typeCheckLearnerFile(file: string, shownAs = file): Promise<TypeProblem[]> {
  const ts = (await import('typescript')).default;
  const options: import('typescript').CompilerOptions = {
    // The editor's options, so the same code is underlined in both places.
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    esModuleInterop: true,
    strict: false,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    // A learner file may sit anywhere: its two imports resolve to this checkout.
    baseUrl: ROOT,
    paths: {
      'tensor-dojo': ['src/core/lab/index.ts'],
      '@tensorflow/tfjs': ['node_modules/@tensorflow/tfjs'],
    },
  };
  const program = ts.createProgram([file], options);
  const source = program.getSourceFile(file);
  if (!source) return [{ file: shownAs, line: 1, column: 1, message: 'the file could not be read for type checking.' }];
  const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
  return diagnostics.map((d) => {
    const at = d.start === undefined ? { line: 0, character: 0 } : source.getLineAndCharacterOfPosition(d.start);
    return { file: shownAs, line: at.line + 1, column: at.character + 1, message: ts.flattenDiagnosticMessageText(d.messageText, ' ') };
  });
}

/** `file:line:col message`, one per line, as compilers print them. */
export function formatTypeProblems(problems: readonly TypeProblem[]): string {
  return problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n');
}
