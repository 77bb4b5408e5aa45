/**
 * What the progress bar says. A run that finished before its last epoch (Keras'
 * EarlyStopping, or any callback setting `stopTraining`) used to leave "Epoch 40/100"
 * and a bar at 40 % with no word why; a finished run now fills the bar and says where
 * and why training ended.
 */
import { formatDuration, type RunProgress, type RunView } from '../../state/run-fold';

export interface ProgressSummary {
  text: string;
  /** 0–100, or null before anything is known. */
  percent: number | null;
  /** Set when the last fit ended before its epochs were up. */
  endedEarly: string | null;
}

export function progressSummary(
  progress: RunProgress,
  state: { live: boolean; finished: boolean; stoppedAt?: RunView['stoppedAt'] },
): ProgressSummary {
  // Stop pressed: the bar stays where training stood (also once its model was kept).
  if (state.stoppedAt && !state.live) {
    const percent = progress.fraction === null ? null : Math.round(progress.fraction * 100);
    return { text: `Stopped at epoch ${state.stoppedAt.epoch}/${state.stoppedAt.epochs}`, percent, endedEarly: null };
  }
  const epoch = Math.min(progress.epoch + 1, progress.epochs);
  if (state.finished && progress.epoch < progress.epochs) {
    const done = progress.epoch;
    return {
      text: `Epoch ${done}/${progress.epochs} · ended early`,
      percent: 100,
      endedEarly: `Training stopped after epoch ${done} of ${progress.epochs}: a callback ended it (early stopping, or stopTraining set by your code). The model is as it was then.`,
    };
  }
  const parts = [`Epoch ${state.finished ? progress.epochs : epoch}/${progress.epochs}`];
  if (state.live && progress.batchesDone > 0) {
    parts.push(progress.batchesPerEpoch ? `batch ${progress.batchesDone}/${progress.batchesPerEpoch}` : `batch ${progress.batchesDone}`);
  }
  if (state.live && progress.etaMs !== null) parts.push(`ETA ${formatDuration(progress.etaMs)}`);
  const percent = state.finished ? 100 : progress.fraction === null ? null : Math.round(progress.fraction * 100);
  return { text: parts.join(' · '), percent, endedEarly: null };
}
