import { describe, expect, it } from 'vitest';
import { CONSOLE_LIMITS, createConsoleBudget, cutLine } from '../../../src/runner/console-budget';
import { createSandboxInbox, INBOX_LIMITS } from '../../../src/runner/sandbox-inbox';
import type { SandboxMessage } from '../../../src/runner/protocol';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('console budget', () => {
  const limits = { lineChars: 10, linesPerSecond: 3, totalChars: 40 };

  it('cuts a long line and says how much', () => {
    expect(cutLine('X'.repeat(100_000_000), 10)).toBe('XXXXXXXXXX… [cut: 99,999,990 more characters not shown]');
    expect(cutLine('short', 10)).toBe('short');
  });

  it('passes lines up to the rate, then counts the rest and reports them with the next line shown', () => {
    const c = clock();
    const budget = createConsoleBudget(limits, c.now);
    const shown = (text: string) => budget.admit({ level: 'log', text }).map((l) => l.text);
    expect([shown('a'), shown('b'), shown('c'), shown('d'), shown('e')]).toEqual([['a'], ['b'], ['c'], [], []]);
    c.advance(1000);
    expect(shown('f')).toEqual(['[2 console lines not shown: more than 3 a second were printed]', 'f']);
  });

  it('reports held-back lines at the end of a run', () => {
    const c = clock();
    const budget = createConsoleBudget(limits, c.now);
    for (const t of ['a', 'b', 'c', 'd']) budget.admit({ level: 'log', text: t });
    expect(budget.flush().map((l) => l.text)).toEqual(['[1 console line not shown: more than 3 a second were printed]']);
    expect(budget.flush()).toEqual([]);
  });

  it('stops after the run total with one note', () => {
    const c = clock();
    const budget = createConsoleBudget(limits, c.now);
    const out: string[] = [];
    for (let i = 0; i < 20; i++) {
      c.advance(1000);
      out.push(...budget.admit({ level: 'log', text: '0123456789' }).map((l) => l.text));
    }
    expect(out.filter((t) => t === '0123456789')).toHaveLength(4);
    expect(out.at(-1)).toBe('[console output stopped: this run printed more than 40 characters; later lines are not shown]');
    expect(out).toHaveLength(5);
  });
});

describe('sandbox inbox', () => {
  const batch = (i: number): SandboxMessage => ({ type: 'batch', runId: 'r', epoch: 0, batch: i, logs: { loss: 1 } });

  it('ends a sandbox that floods the page, within the second it starts', () => {
    const c = clock();
    const inbox = createSandboxInbox(INBOX_LIMITS, c.now);
    let aborted: string | undefined;
    let n = 0;
    for (; n < 300_000 && aborted === undefined; n++) {
      const r = inbox.accept(batch(n));
      if ('abort' in r) aborted = r.abort;
    }
    expect(n).toBe(INBOX_LIMITS.messagesPerFloodWindow + 1);
    expect(aborted).toMatch(/^The run was stopped: its code sent the page messages faster than 5,000 a second/);
  });

  it('lets a steady run through and thins batch points to the curve rate', () => {
    const c = clock();
    const inbox = createSandboxInbox(INBOX_LIMITS, c.now);
    let passed = 0;
    // 10 s at 4,000 messages a second, evenly spread: busy, but no flood.
    for (let i = 0; i < 40_000; i++) {
      const r = inbox.accept(batch(i));
      if ('abort' in r) throw new Error(r.abort);
      passed += r.pass.length;
      c.advance(0.25);
    }
    expect(passed).toBe(10 * INBOX_LIMITS.batchesPerSecond);
  });

  it("takes a burst of the worker's whole console budget at once", () => {
    const c = clock();
    const inbox = createSandboxInbox(INBOX_LIMITS, c.now);
    for (let i = 0; i < CONSOLE_LIMITS.linesPerSecond + 1; i++) {
      expect('pass' in inbox.accept({ type: 'console', runId: 'r', level: 'log', text: `line ${i}` })).toBe(true);
    }
  });

  it('never drops epoch ends, errors or the model, and cuts console text', () => {
    const c = clock();
    const inbox = createSandboxInbox(INBOX_LIMITS, c.now);
    // A tiny model can finish an epoch a millisecond: every one is kept.
    for (let i = 0; i < 1000; i++) {
      const r = inbox.accept({ type: 'epoch', runId: 'r', epoch: i, logs: { loss: 1 } });
      expect('pass' in r && r.pass).toHaveLength(1);
      c.advance(1);
    }
    const r = inbox.accept({ type: 'console', runId: 'r', level: 'log', text: 'y'.repeat(20_000) });
    if (!('pass' in r)) throw new Error('aborted');
    expect(r.pass).toHaveLength(1);
    expect((r.pass[0] as { text: string }).text).toMatch(/^y{10200}… \[cut: 9,800 more characters not shown\]$/);
    // A line the worker already cut (with its note) passes unchanged.
    const workerCut = cutLine('z'.repeat(1e6), CONSOLE_LIMITS.lineChars);
    const again = inbox.accept({ type: 'console', runId: 'r', level: 'log', text: workerCut });
    expect('pass' in again && again.pass.map((m) => (m as { text: string }).text)).toEqual([workerCut]);
  });

  it('ends a sandbox that sends what the runner never sends, naming the problem', () => {
    const inbox = createSandboxInbox();
    const r = inbox.accept({ type: 'batch', runId: 'r', epoch: 0, batch: 0, logs: 'lots' });
    expect(r).toEqual({ abort: 'The run was stopped: the sandbox sent a message the lab does not accept (logs are not an object).' });
  });
});
