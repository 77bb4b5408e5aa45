/**
 * The editor's TypeScript worker, started as soon as a drill page opens. Its script is
 * 4.5 MB (6 MB before the build dropped unused libraries, scripts/vite-ts-worker-libs.ts):
 * fetching and compiling it took 1–7 s (quiet to loaded machine) and, started by Monaco
 * when its first TypeScript model appeared, all of that came after the editor showed.
 * Started here, it loads while Monaco's own chunk downloads, and waits for Monaco's
 * first message; Monaco takes it through `MonacoEnvironment.getWorker`.
 *
 * Kept apart from monaco-setup so that starting it does not wait for Monaco.
 */
import TsWorker from 'monaco-editor/esm/vs/language/typescript/ts.worker?worker';

let early: Worker | undefined;
let started = false;

/** Starts the worker once per page load; later drill pages reuse Monaco's. */
export function startTypeScriptWorker(): void {
  if (started) return;
  started = true;
  early = new TsWorker();
}

/** The worker started early, or a new one (Monaco asks again after disposing one). */
export function takeTypeScriptWorker(): Worker {
  const worker = early ?? new TsWorker();
  early = undefined;
  return worker;
}
