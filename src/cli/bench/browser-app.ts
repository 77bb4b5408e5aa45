/**
 * Driving the real lab in the bench's Chromium: open a drill, paste code into
 * Monaco, pick a backend, press Run and time the run from the page's own clock
 * (the click and the sandbox's `done` message), so Playwright's round trips do
 * not count.
 */
import type { BrowserContext, Page } from 'playwright-core';

export type BrowserBackend = 'webgl' | 'wasm' | 'cpu' | 'webgpu';

/**
 * Installed in every bench page before the app: hands each message the sandbox
 * sends the page to `window.__benchSandboxTaps` (the bench's own listeners), and,
 * while `window.__benchHideCurves` is set, keeps batch and epoch messages from the
 * app's handler — they are still posted, delivered and dispatched, so the runner's
 * cost stays in and only the drawing goes.
 *
 * The sandbox talks to the page over a MessagePort whose handler the app sets as
 * `onmessage`, so the setter is wrapped before the app runs. Window messages are
 * tapped too: older builds (`--dist`) relayed the worker's messages through the
 * iframe's window.
 */
const SANDBOX_TAP = `(() => {
  const taps = (window.__benchSandboxTaps = new Set());
  const seen = (e) => {
    const d = e.data;
    if (!d || typeof d !== 'object' || typeof d.type !== 'string') return true;
    for (const tap of taps) tap(d);
    return !(window.__benchHideCurves && (d.type === 'batch' || d.type === 'epoch'));
  };
  window.addEventListener('message', (e) => { if (!seen(e)) e.stopImmediatePropagation(); });
  const slot = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
  Object.defineProperty(MessagePort.prototype, 'onmessage', {
    configurable: true,
    get() { return slot.get.call(this); },
    set(fn) { slot.set.call(this, typeof fn === 'function' ? function (e) { if (seen(e)) return fn.call(this, e); } : fn); },
  });
})();`;

export async function installSandboxTap(context: BrowserContext): Promise<void> {
  await context.addInitScript(SANDBOX_TAP);
}

/** While set, the sandbox's batch and epoch messages reach the page but not the app (see SANDBOX_TAP). */
export async function hideCurves(page: Page, hide: boolean): Promise<void> {
  await page.evaluate((h) => void ((window as unknown as { __benchHideCurves: boolean }).__benchHideCurves = h), hide);
}

export async function openDrill(page: Page, baseUrl: string, drillId: string): Promise<void> {
  await page.goto(new URL(`#/drill/${drillId}`, baseUrl).href);
  await runButton(page).waitFor({ timeout: 60_000 });
  // The draft (or starter) is restored asynchronously; paste only once it is in.
  await page.waitForFunction(() => (document.querySelector('.monaco-editor .view-lines')?.textContent ?? '').includes('export'), null, {
    timeout: 60_000,
  });
}

function runButton(page: Page) {
  return page.getByRole('button', { name: 'Run', exact: true });
}

/** Replaces the editor's content with one paste (typing fights Monaco's auto-closing). */
export async function pasteCode(page: Page, code: string): Promise<void> {
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.evaluate((text) => {
    const textarea = document.querySelector<HTMLTextAreaElement>('.monaco-editor textarea')!;
    textarea.focus();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, code);
}

export async function chooseBackend(page: Page, backend: BrowserBackend): Promise<void> {
  await page.locator('#backend-select').selectOption(backend);
}

export interface TimedRun {
  /** Page clock: Run pressed → the sandbox's `done` message. */
  wallMs: number;
  /** What the sandbox itself measured (transpile → model saved). */
  sandboxMs: number;
  backend: string | null;
  /** Page clock: Run pressed → the sandbox reported its backend (host preparation, boot, backend start). */
  backendAtMs: number;
  batchEvents: number;
  epochEvents: number;
  /** What the learner's code printed (console messages, first 100). */
  consoleLines: string[];
  /** Page clock at Run and at `done` (to pick out what happened during the run). */
  startedAt: number;
  endedAt: number;
}

/** Presses Run and waits for the run to end; throws with the learner error if it failed. */
export async function timedRun(page: Page, timeoutMs = 600_000): Promise<TimedRun> {
  await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Run' && b.getAttribute('role') !== 'tab' && !b.disabled), null, {
    timeout: 60_000,
  });
  const result = await page.evaluate(
    (timeout) =>
      new Promise<TimedRun | { error: string }>((resolve) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Run' && b.getAttribute('role') !== 'tab')!;
        let batchEvents = 0;
        let epochEvents = 0;
        let backend: string | null = null;
        let backendAtMs = NaN;
        const consoleLines: string[] = [];
        const taps = (window as unknown as { __benchSandboxTaps: Set<(d: unknown) => void> }).__benchSandboxTaps;
        const finish = (r: TimedRun | { error: string }) => {
          taps.delete(onMessage);
          clearTimeout(timer);
          resolve(r);
        };
        const onMessage = (data: unknown) => {
          const d = data as { type?: string; ms?: number; backend?: string; text?: string; error?: { message?: string } };
          if (d.type === 'batch') batchEvents++;
          else if (d.type === 'console' && consoleLines.length < 100) consoleLines.push(String(d.text));
          else if (d.type === 'epoch') epochEvents++;
          else if (d.type === 'backend') {
            backend = d.backend ?? null;
            backendAtMs = performance.now() - t0;
          } else if (d.type === 'done') {
            const now = performance.now();
            finish({ wallMs: now - t0, sandboxMs: d.ms ?? NaN, backend, backendAtMs, batchEvents, epochEvents, consoleLines, startedAt: t0, endedAt: now });
          }
          else if (d.type === 'error') finish({ error: d.error?.message ?? 'run failed' });
        };
        taps.add(onMessage);
        const timer = setTimeout(() => finish({ error: `no result within ${timeout} ms` }), timeout);
        const t0 = performance.now();
        button.click();
      }),
    timeoutMs,
  );
  if ('error' in result) throw new Error(`The lab run failed: ${result.error}`);
  // Let the app settle (Run enabled again) so the next measurement starts from idle.
  await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Run' && b.getAttribute('role') !== 'tab' && !b.disabled), null, {
    timeout: 60_000,
  });
  return result;
}

/** Presses Submit and waits for the mark; returns the points. */
export async function submitForMark(page: Page, timeoutMs = 600_000): Promise<number> {
  // Click the enabled Submit in the same step that finds it (other views may have a disabled one).
  await page.waitForFunction(
    () => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === 'Submit' && !x.disabled);
      b?.click();
      return !!b;
    },
    null,
    { timeout: 60_000 },
  );
  const mark = page.getByTestId('mark');
  await mark.waitFor({ timeout: timeoutMs });
  const text = (await mark.textContent()) ?? '';
  const points = Number(text.split('/')[0]);
  if (!Number.isFinite(points)) throw new Error(`Unexpected mark "${text}".`);
  return points;
}

/** Waits until the spare sandbox has booted (its worker evaluated the runner bundle). */
export async function settle(page: Page, ms = 2500): Promise<void> {
  await page.waitForTimeout(ms);
}
