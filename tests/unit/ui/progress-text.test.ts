/** Issue 19 item 8: a run that ended before its last epoch says so, and a finished bar is full. */
import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../../src/state/run-fold';
import { createRunFold } from '../../../src/state/run-fold';
import { progressSummary } from '../../../src/ui/workspace/progress-text';

/** The fold's progress after `done` epochs of a fit asked to run `epochs`. */
function progressAfter(done: number, epochs: number): RunProgress {
  const fold = createRunFold();
  fold.apply({ type: 'train-begin', runId: 'r', epochs, batchesPerEpoch: 4 }, 0);
  for (let e = 0; e < done; e++) fold.apply({ type: 'epoch', runId: 'r', epoch: e, logs: { loss: 1 / (e + 1) } }, e * 10);
  return fold.snapshot().progress!;
}

describe('progressSummary', () => {
  it('says training ended early when a callback stopped it at epoch 40 of 100', () => {
    const s = progressSummary(progressAfter(40, 100), { live: false, finished: true });
    expect(s.text).toBe('Epoch 40/100 · ended early');
    expect(s.endedEarly).toMatch(/stopped after epoch 40 of 100.*early stopping/);
    expect(s.percent).toBe(100);
  });

  it('says nothing extra when every epoch ran, or while the run is live', () => {
    expect(progressSummary(progressAfter(100, 100), { live: false, finished: true })).toMatchObject({ text: 'Epoch 100/100', endedEarly: null, percent: 100 });
    const live = progressSummary(progressAfter(40, 100), { live: true, finished: false });
    expect(live.endedEarly).toBeNull();
    expect(live.text).toMatch(/^Epoch 41\/100/);
    expect(live.percent).toBe(40);
  });

  it('says where Stop ended training, also once the stopped model was kept', () => {
    const p = progressAfter(13, 40);
    for (const finished of [false, true]) {
      expect(progressSummary(p, { live: false, finished, stoppedAt: { epoch: 13, epochs: 40 } })).toEqual({ text: 'Stopped at epoch 13/40', percent: 33, endedEarly: null });
    }
  });
});
