/**
 * What the run pane says about a stopped run: where training stood, and whether
 * the partly trained model can be kept — or, plainly, why it cannot.
 */
import type { StoppedRun } from '../../state/run';
import type { RunView } from '../../state/run-fold';
import { STOP_GRACE_MS } from '../../runner/types';

type StoppedAt = RunView['stoppedAt'];

/** "Stopped at epoch 13 of 40", or "Stopped" when no fit had reported yet. */
export function stoppedWhere(at: StoppedAt): string {
  return at ? `Stopped at epoch ${at.epoch} of ${at.epochs}` : 'Stopped';
}

export function stoppedSentence(stopped: StoppedRun | null, at: StoppedAt): string {
  const where = stoppedWhere(at);
  if (!stopped) return `${where}. Your code is untouched.`;
  if (stopped.model) {
    return `${where}. Your code is untouched. The partly trained model, as training left it, can be kept: Submit and Export then use it.`;
  }
  const nk = stopped.notKept;
  switch (nk.reason) {
    case 'before-training':
      return 'Stopped before training began: there is no model to keep. Your code is untouched.';
    case 'untrained':
      return `${where}, before a batch of training had finished: there is no trained model to keep. Your code is untouched.`;
    case 'no-answer':
      return `${where}. The partly trained model could not be kept: your code did not let training stop within ${STOP_GRACE_MS / 1000} s (a loop that never pauses, or a very long batch), so the sandbox was ended. Your code is untouched.`;
    case 'forced':
      return `${where} at once (Stop pressed again): the partly trained model was not kept. Your code is untouched.`;
    case 'refused':
      return `${where}. The model it handed over cannot be used, so it was not kept: ${nk.problem}`;
  }
}

/** Under a kept model's status and its report: the mark is for a model whose training was cut short. */
export function keptStoppedSentence(at: StoppedAt): string {
  const where = at ? ` at epoch ${at.epoch} of ${at.epochs}` : '';
  return `This is the model you stopped early${where} and kept.`;
}
