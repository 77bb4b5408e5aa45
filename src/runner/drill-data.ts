/**
 * Loads a drill's dataset (once per page) and cuts it into splits, on the trusted
 * side. Learner code only ever receives `train` and `validation`.
 */
import type { AllSplits, LearnerSplits } from '../core/data';
import type { Drill } from '../core/drill';
import type { LoadedDataset } from '../core/datasets/types';
import { fetchSource, loadDataset } from '../core/datasets';

const DATASETS_URL = `${import.meta.env.BASE_URL}datasets/`;
const cache = new Map<string, Promise<LoadedDataset>>();

export function loadDrillDataset(name: string): Promise<LoadedDataset> {
  let loaded = cache.get(name);
  if (!loaded) {
    loaded = loadDataset(fetchSource(DATASETS_URL), name);
    cache.set(name, loaded);
    // A failed load must not stick: the next Run tries again (e.g. back online).
    loaded.catch(() => cache.delete(name));
  }
  return loaded;
}

export async function loadAllSplits(drill: Drill): Promise<AllSplits> {
  return drill.splits(await loadDrillDataset(drill.dataset));
}

export async function loadLearnerSplits(drill: Drill): Promise<LearnerSplits> {
  const { train, validation } = await loadAllSplits(drill);
  return { train, validation };
}
