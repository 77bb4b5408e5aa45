/**
 * `dojo bench startup`: a learner's cold start on a drill page, in a fresh browser
 * context (empty cache). Measured from the network and the page's own clock:
 * - the JavaScript fetched before first paint (gzip sizes of the very bytes served),
 * - all JavaScript fetched by the time the editor accepts input (Monaco, tfjs, workers),
 * - first contentful paint, and the time until a paste into the editor shows up.
 *
 * Without a baseline build the size row compares "before first paint" with "by the
 * time the editor works", i.e. what an app loading everything up front must fetch
 * before it can paint. With `--baseline-dist <dir>` (e.g. a build of an older
 * commit) every row compares that build with the one under test.
 */
import { gzipSync } from 'node:zlib';
import { benchRepeats, median, startBrowserBench, type BrowserBench } from './browser-env';
import type { BenchSection } from './index';

const DRILL = 'auto-mpg';
const MARKER = '//dojo-bench-input';

export interface StartupSample {
  /** gzip bytes of the JS first paint waits for: requested before DOMContentLoaded (and paint). */
  initialJsGz: number;
  /** gzip bytes of all JS (page and workers) requested until the editor accepted input. */
  allJsGz: number;
  fcpMs: number;
  editorInputMs: number;
  initialFiles: string[];
  allFiles: string[];
}

/**
 * Runs in the page before the app: as soon as Monaco shows the drill's code, pastes a
 * marker and records when it appears — the moment the learner could type.
 */
const EDITOR_PROBE = `(() => {
  const marker = ${JSON.stringify(MARKER)};
  let pasted = false;
  const tick = () => {
    const lines = document.querySelector('.monaco-editor .view-lines');
    const text = lines ? lines.textContent || '' : '';
    if (!pasted) {
      const ta = document.querySelector('.monaco-editor textarea');
      if (ta && text.includes('export')) {
        ta.focus();
        const data = new DataTransfer();
        data.setData('text/plain', marker);
        ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        pasted = true;
      }
    } else if (text.includes(marker)) {
      window.__editorInputAt = performance.now();
      return;
    }
    setTimeout(tick, 5);
  };
  tick();
})();`;

export async function measureStartup(env: BrowserBench): Promise<StartupSample> {
  const { context, page } = await env.newPage();
  try {
    await context.addInitScript(EDITOR_PROBE);
    const responses: { url: string; started: number; body: Promise<Buffer | null> }[] = [];
    page.on('response', (r) => {
      const url = r.url();
      if (!/\.m?js(\?|$)/.test(url)) return;
      responses.push({ url, started: r.request().timing().startTime, body: r.body().catch(() => null) });
    });
    await page.goto(new URL(`#/drill/${DRILL}`, env.url).href, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __editorInputAt?: number }).__editorInputAt !== undefined, null, { timeout: 120_000, polling: 50 });
    const timing = await page.evaluate(() => ({
      origin: performance.timeOrigin,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventStart ?? NaN,
      input: (window as unknown as { __editorInputAt: number }).__editorInputAt,
    }));
    let initialJsGz = 0;
    let allJsGz = 0;
    const initialFiles: string[] = [];
    const allFiles: string[] = [];
    for (const r of responses) {
      const at = r.started - timing.origin;
      if (at > timing.input) continue;
      const body = await r.body;
      if (!body) continue;
      const gz = gzipSync(body).length;
      allJsGz += gz;
      allFiles.push(`${new URL(r.url).pathname.split('/').pop()} ${(gz / 1024).toFixed(0)}k`);
      // What the HTML itself loads (entry and its static imports) runs before
      // DOMContentLoaded; chunks imported lazily start later, even if before paint.
      if (at < Math.min(timing.fcp, timing.dcl)) {
        initialJsGz += gz;
        initialFiles.push(new URL(r.url).pathname.split('/').pop()!);
      }
    }
    return { initialJsGz, allJsGz, fcpMs: timing.fcp, editorInputMs: timing.input, initialFiles, allFiles };
  } finally {
    await context.close();
  }
}

async function samples(dist: string | undefined, n: number): Promise<StartupSample[]> {
  const env = await startBrowserBench({ dist });
  try {
    const out: StartupSample[] = [];
    for (let i = 0; i < n; i++) out.push(await measureStartup(env));
    return out;
  } finally {
    await env.close();
  }
}

export async function benchStartup(emit: Parameters<BenchSection>[0], opts: { repeats?: number } = {}): Promise<void> {
  const repeats = opts.repeats ?? benchRepeats(3);
  const ours = await samples(undefined, repeats);
  const baselineDist = process.env.DOJO_BENCH_BASELINE_DIST;
  const base = baselineDist ? await samples(baselineDist, repeats) : undefined;
  const kb = (s: StartupSample[], k: 'initialJsGz' | 'allJsGz') => median(s.map((x) => x[k])) / 1024;
  const ms = (s: StartupSample[], k: 'fcpMs' | 'editorInputMs') => median(s.map((x) => x[k]));
  if (process.env.DOJO_BENCH_VERBOSE) {
    process.stderr.write(`  initial JS: ${ours[0].initialFiles.join(', ')}\n  all JS by editor input: ${ours[0].allFiles.join(', ')}\n`);
    if (base) process.stderr.write(`  baseline, all JS by editor input: ${base[0].allFiles.join(', ')}\n`);
    const line = (label: string, s: StartupSample[]) =>
      process.stderr.write(`  ${label}: editor input ${s.map((x) => x.editorInputMs.toFixed(0)).join(' ')} ms; first paint ${s.map((x) => x.fcpMs.toFixed(0)).join(' ')} ms\n`);
    line('ours', ours);
    if (base) line('baseline', base);
  }
  const oursInitial = kb(ours, 'initialJsGz');
  if (base) {
    const rows: [string, number, number, string][] = [
      [`startup: JS before first paint (gzip), ${DRILL} page, baseline build vs ours`, kb(base, 'initialJsGz'), oursInitial, 'kB'],
      [`startup: all JS until the editor accepts input (gzip), baseline build vs ours`, kb(base, 'allJsGz'), kb(ours, 'allJsGz'), 'kB'],
      [`startup: first contentful paint, baseline build vs ours`, ms(base, 'fcpMs'), ms(ours, 'fcpMs'), 'ms'],
      [`startup: editor accepts input, baseline build vs ours`, ms(base, 'editorInputMs'), ms(ours, 'editorInputMs'), 'ms'],
    ];
    for (const [name, b, o, unit] of rows) emit({ name, baseline: b, ours: o, ratio: b / o, unit });
    return;
  }
  const all = kb(ours, 'allJsGz');
  emit({ name: `startup: JS before first paint (gzip): all JS by editor-ready vs initial`, baseline: all, ours: oursInitial, ratio: all / oursInitial, unit: 'kB' });
  const input = ms(ours, 'editorInputMs');
  const fcp = ms(ours, 'fcpMs');
  emit({ name: `startup: first contentful paint vs editor accepts input`, baseline: input, ours: fcp, ratio: input / fcp, unit: 'ms' });
}
