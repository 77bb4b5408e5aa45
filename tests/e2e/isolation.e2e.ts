/**
 * Issue 17 end to end: the app is cross-origin isolated, so learner code trains on
 * tfjs' threaded WASM build in the sandbox — served with the headers (vite preview,
 * as vite.config.ts sets them) and on a static host that sends none, where the
 * service worker adds them and the untouched first visit reloads once. The
 * sandbox stays an opaque origin with no network (tests/e2e/trust.e2e.ts probes
 * that under both worker kinds).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, setEditorCode } from './browser';
import { serveDist, type StaticServer } from './static-server';

const DRILL = 'auto-mpg';

/** Learner code that reports what its worker has, then stops the run. */
const PROBE = `export default async function train() {
  const g = globalThis as any;
  console.log('PROBE ' + JSON.stringify({ origin: g.origin, isolated: g.crossOriginIsolated === true, sab: typeof g.SharedArrayBuffer }));
  throw new Error('probe done');
}
`;

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  browser = await launch();
  server = await serveDist();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const consoleLine = (page: Page, pattern: RegExp) => page.getByRole('log', { name: 'Console output' }).getByText(pattern);

async function probe(page: Page): Promise<{ probe: { origin: string; isolated: boolean; sab: string }; note: string }> {
  await setEditorCode(page, PROBE);
  await page.getByLabel('Backend').selectOption('wasm');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const line = consoleLine(page, /^PROBE /);
  await line.waitFor({ timeout: 90_000 });
  const note = (await consoleLine(page, /^WASM backend: /).textContent()) ?? '';
  return { probe: JSON.parse(((await line.textContent()) ?? '').slice('PROBE '.length)), note };
}

describe('threads for the sandbox', () => {
  it('served with COOP/COEP: the page is isolated and learner code gets SharedArrayBuffer in an opaque-origin worker on threaded WASM', async () => {
    const context = await browser.newContext();
    // A 3-core device as the page sees it: all cores but one is 2 threads (this machine may have 2).
    await context.addInitScript(`Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { configurable: true, get: () => 3 });`);
    const page = await context.newPage();
    await page.goto(new URL(`#/drill/${DRILL}`, baseUrl()).href);
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    const { probe: p, note } = await probe(page);
    expect(p).toEqual({ origin: 'null', isolated: true, sab: 'function' });
    // What tfjs reports it started (getThreadsCount), not what was asked.
    expect(note).toBe('WASM backend: training on 2 threads (tfjs threaded SIMD build).');
    await context.close();
  });

  it('on two cores the page keeps one: isolated, but WASM on one thread, and the run pane says why', async () => {
    const context = await browser.newContext();
    await context.addInitScript(`Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { configurable: true, get: () => 2 });`);
    const page = await context.newPage();
    await page.goto(new URL(`#/drill/${DRILL}`, baseUrl()).href);
    const { probe: p, note } = await probe(page);
    expect(p.isolated).toBe(true);
    expect(note).toBe('WASM backend: training on 1 thread: this device reports 2 cores, and one is left for the page.');
    await context.close();
  });

  it('on a host that sends no headers: one thread and why, then one reload by the service worker isolates an untouched first visit, and never again', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const navigations: string[] = [];
    page.on('framenavigated', (f) => f === page.mainFrame() && navigations.push(f.url()));
    await page.goto(`${server.appUrl}#/drill/${DRILL}`);
    // The first load is the host's own response: not isolated.
    const firstIsolated = await page.evaluate(() => globalThis.crossOriginIsolated);
    expect(firstIsolated).toBe(false);
    // The service worker installs, takes control, and the untouched page reloads itself once.
    await expect.poll(() => page.evaluate(() => globalThis.crossOriginIsolated).catch(() => false), { timeout: 90_000, interval: 500 }).toBe(true);
    expect(await page.evaluate(() => sessionStorage.getItem('tensor-dojo:reloaded-for-isolation'))).toBe('1');
    const reloads = navigations.length;
    const { probe: p } = await probe(page);
    expect(p.isolated).toBe(true);
    // No further reload after the run, nor while the page sits.
    await page.waitForTimeout(2000);
    expect(navigations.length).toBe(reloads);
    await context.close();
  });

  it('a visit the learner has already used is not reloaded: the run pane says one thread and what to do', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    let loads = 0;
    page.on('load', () => loads++);
    await page.goto(`${server.appUrl}#/drill/${DRILL}`);
    const { probe: p, note } = await probe(page);
    expect(p).toEqual({ origin: 'null', isolated: false, sab: 'undefined' });
    expect(note).toMatch(/^WASM backend: training on 1 thread: this page is not cross-origin isolated yet .*reload/);
    // The service worker takes control meanwhile; the used page stays put.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForTimeout(3000);
    expect(loads).toBe(1);
    await context.close();
  });
});
