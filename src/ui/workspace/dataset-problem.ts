/**
 * A run that failed because its dataset could not be fetched is not the learner's
 * code failing. The loader's DatasetError reaches the page as a message only (it
 * crosses the data worker and the sandbox), so it is recognised by its fixed opening,
 * "Could not load dataset "<name>"" (src/core/datasets/errors.ts).
 */
export interface DatasetProblem {
  dataset: string;
  title: string;
  message: string;
  /** Offline: point to Settings → Offline. */
  offline: boolean;
}

const DATASET_ERROR = /Could not load dataset "([^"]+)"/;

export function datasetProblem(message: string, online: boolean): DatasetProblem | null {
  const m = DATASET_ERROR.exec(message);
  if (!m) return null;
  const dataset = m[1];
  if (!online) {
    return {
      dataset,
      offline: true,
      title: 'The dataset is not available offline',
      message: `This drill’s “${dataset}” data was never saved on this device, and you are offline. Your code did not run and is untouched. Connect and press Run again, or next time keep the dataset in Settings → Offline before you lose the network.`,
    };
  }
  return {
    dataset,
    offline: false,
    title: 'The dataset could not be loaded',
    message: `${message} Your code did not run and is untouched. Check your connection and press Run again.`,
  };
}
