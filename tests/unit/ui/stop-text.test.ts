/** Issue 19 item 8: a stopped run says where it stopped and whether its model can be kept, or plainly why not. */
import { describe, expect, it } from 'vitest';
import type { io } from '@tensorflow/tfjs';
import { keptStoppedSentence, stoppedSentence } from '../../../src/ui/workspace/stop-text';

const at = { epoch: 13, epochs: 40 };
const model = { artifacts: {} as io.ModelArtifacts, backend: 'cpu' as const, ms: 1 };

describe('stoppedSentence', () => {
  it('offers a model that came back', () => {
    expect(stoppedSentence({ model, notKept: null }, at)).toMatch(/^Stopped at epoch 13 of 40\. .*can be kept/);
  });

  it.each([
    ['before-training', /^Stopped before training began: there is no model to keep/],
    ['untrained', /^Stopped at epoch 13 of 40, before a batch of training had finished: there is no trained model to keep/],
    ['no-answer', /^Stopped at epoch 13 of 40\. The partly trained model could not be kept: your code did not let training stop within 2 s/],
    ['forced', /^Stopped at epoch 13 of 40 at once \(Stop pressed again\): the partly trained model was not kept/],
  ] as const)('%s: says plainly that nothing was kept', (reason, expected) => {
    expect(stoppedSentence({ model: null, notKept: { reason } }, at)).toMatch(expected);
  });

  it('passes on why a handed-over model was refused', () => {
    expect(stoppedSentence({ model: null, notKept: { reason: 'refused', problem: 'The weights do not belong to this model.' } }, at)).toBe(
      'Stopped at epoch 13 of 40. The model it handed over cannot be used, so it was not kept: The weights do not belong to this model.',
    );
  });

  it('marks a kept model as stopped early', () => {
    expect(keptStoppedSentence(at)).toBe('This is the model you stopped early at epoch 13 of 40 and kept.');
  });
});
