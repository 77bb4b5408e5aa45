/**
 * Bench sections for `dojo bench`. Each compares ours with a baseline measured side
 * by side in the same process (or the same browser), so machine speed cancels out.
 */
import { benchDecode } from './decode';
import { runKernelBenches } from './kernels';

export interface BenchRow {
  name: string;
  baseline: number;
  ours: number;
  /** > 1 means ours is better: ours / baseline for throughputs, baseline / ours for times and sizes. */
  ratio: number;
  unit: string;
}

export type BenchSection = (emit: (row: BenchRow) => void) => Promise<void>;

export const BENCH_SECTIONS: Record<string, BenchSection> = {
  decode: benchDecode,
  kernels: async (emit) => {
    await runKernelBenches({}, emit);
  },
  // In headless Chromium against a production build (`--dist <dir>`, else built into /tmp/dist-bench).
  // Loaded on demand: Playwright and esbuild are not needed by the Node sections.
  runner: async (emit) => (await import('./browser-runner')).benchRunner(emit),
  startup: async (emit) => (await import('./browser-startup')).benchStartup(emit),
  longtasks: async (emit) => (await import('./browser-longtasks')).benchLongTasks(emit),
  // Editor shown → `tf.` completes, first visit and warm (issue 19).
  completions: async (emit) => (await import('./browser-completions')).benchCompletions(emit),
  // Node (cpu, wasm) and Chromium (webgl, wasm, cpu): minutes, not seconds.
  'time-to-pass': async (emit) => (await import('./time-to-pass')).benchTimeToPass(emit),
  // WASM in the lab's sandbox on every core (cross-origin isolated) vs one thread (not).
  threads: async (emit) => (await import('./browser-threads')).threadsSection(emit),
  // Time to a passing model on 1 thread vs threads: tens of minutes.
  'threads-pass': async (emit) => (await import('./browser-threads')).threadsPassSection(emit),
  // `dojo verify` over every drill on full data, each drill within a time budget: an hour or more.
  'verify-all': async (emit) => (await import('./verify-all')).benchVerifyAll(emit),
};
