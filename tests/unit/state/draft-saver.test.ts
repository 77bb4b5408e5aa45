import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDraftSaver, type SaveStatus } from '../../../src/state/draft-saver';

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

function setup(save?: (id: string, code: string) => Promise<void>) {
  const saved: Array<[string, string, number]> = [];
  const statuses: Array<[string, SaveStatus]> = [];
  const saver = createDraftSaver({
    save:
      save ??
      (async (id, code) => {
        saved.push([id, code, Date.now()]);
      }),
    onStatus: (id, status) => statuses.push([id, status]),
    delayMs: 600,
    maxWaitMs: 1000,
  });
  return { saver, saved, statuses };
}

describe('draft saver', () => {
  it('saves once, shortly after the last keystroke', async () => {
    const { saver, saved, statuses } = setup();
    saver.schedule('d', 'a');
    await vi.advanceTimersByTimeAsync(300);
    saver.schedule('d', 'ab');
    await vi.advanceTimersByTimeAsync(599);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual([['d', 'ab', 900]]);
    expect(statuses.at(-1)).toEqual(['d', 'saved']);
    expect(saver.hasPending()).toBe(false);
  });

  it('is never more than about a second behind during steady typing', async () => {
    const { saver, saved } = setup();
    for (let t = 0; t < 2500; t += 100) {
      saver.schedule('d', `text@${t}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saved.length).toBeGreaterThanOrEqual(2);
    expect(saved[0]![2]).toBeLessThanOrEqual(1000);
    for (let i = 1; i < saved.length; i++) expect(saved[i]![2] - saved[i - 1]![2]).toBeLessThanOrEqual(1100);
  });

  it('keeps drills apart', async () => {
    const { saver, saved } = setup();
    saver.schedule('a', 'A');
    saver.schedule('b', 'B');
    await vi.advanceTimersByTimeAsync(600);
    expect(saved.map(([id, code]) => [id, code]).sort()).toEqual([
      ['a', 'A'],
      ['b', 'B'],
    ]);
  });

  it('flush saves at once and cancels the timer', async () => {
    const { saver, saved } = setup();
    saver.schedule('d', 'now');
    await saver.flush();
    expect(saved).toEqual([['d', 'now', 0]]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(saved).toHaveLength(1);
  });

  it('never lets an older text land after a newer one', async () => {
    const order: string[] = [];
    let release!: () => void;
    const { saver } = setup(async (_id, code) => {
      if (code === 'old') await new Promise<void>((r) => (release = r));
      order.push(code);
    });
    saver.schedule('d', 'old');
    await vi.advanceTimersByTimeAsync(600);
    saver.schedule('d', 'new');
    await vi.advanceTimersByTimeAsync(600);
    expect(order).toEqual([]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['old', 'new']);
  });

  it('reports a failed save and tries again on flush, without a retry loop', async () => {
    let fail = true;
    const calls: string[] = [];
    const { saver, statuses } = setup(async (_id, code) => {
      calls.push(code);
      if (fail) throw new DOMException('full', 'QuotaExceededError');
    });
    saver.schedule('d', 'keep me');
    await vi.advanceTimersByTimeAsync(600);
    expect(statuses.at(-1)).toEqual(['d', 'error']);
    expect(saver.hasPending('d')).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
    fail = false;
    await saver.flush();
    expect(calls).toEqual(['keep me', 'keep me']);
    expect(statuses.at(-1)).toEqual(['d', 'saved']);
    expect(saver.hasPending('d')).toBe(false);
  });
});
