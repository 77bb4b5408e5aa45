/** Issue 19 item 8: the per-batch curve is drawn only where it adds points inside epochs. */
import { describe, expect, it } from 'vitest';
import { createRunFold } from '../../../src/state/run-fold';
import { batchLineHelps } from '../../../src/ui/workspace/batch-line';

/** A fit of `epochs` epochs of 9 batches whose batch points arrive every `every`-th batch overall. */
function seriesOf(epochs: number, every: number) {
  const fold = createRunFold();
  fold.apply({ type: 'train-begin', runId: 'r', epochs, batchesPerEpoch: 9 }, 0);
  let n = 0;
  for (let e = 0; e < epochs; e++) {
    for (let b = 0; b < 9; b++) if (n++ % every === 0) fold.apply({ type: 'batch', runId: 'r', epoch: e, batch: b, logs: { loss: 1 } }, n);
    fold.apply({ type: 'epoch', runId: 'r', epoch: e, logs: { loss: 1 } }, n);
  }
  return fold.snapshot().series;
}

describe('batchLineHelps', () => {
  it('hides a batch line sparser than the epochs (quick epochs, throttled batch points)', () => {
    // One batch point every ~3.5 epochs, as a 250-epoch one-neuron run on WASM sends.
    expect(batchLineHelps(seriesOf(250, 32))).toBe(false);
  });
  it('keeps it when it shows batches inside epochs', () => {
    expect(batchLineHelps(seriesOf(10, 3))).toBe(true);
    expect(batchLineHelps(seriesOf(0, 1))).toBe(true);
  });
});
