/**
 * Loads a drill's dataset (once per page) and cuts it into splits, on the trusted
 * side. Learner code only ever receives `train` and `validation`.
 */
import type { AllSplits } from '../core/data';
import type { Drill } from '../core/drill';
import type { LoadedDataset } from '../core/datasets/types';
import { fetchSource, loadDataset } from '../core/datasets';

/**
 * Where the datasets are, as an absolute URL. Computed on the page: inside a worker a
 * relative base would resolve against the worker's script (assets/…), not the app.
 */
export function datasetsUrl(): string {
  return new URL(`${import.meta.env.BASE_URL}datasets/`, document.baseURI).href;
}

const cache = new Map<string, Promise<LoadedDataset>>();

export function loadDrillDataset(name: string, baseUrl: string): Promise<LoadedDataset> {
  let loaded = cache.get(name);
  if (!loaded) {
    loaded = loadDataset(fetchSource(baseUrl), name);
    cache.set(name, loaded);
    // A failed load must not stick: the next Run tries again (e.g. back online).
    loaded.catch(() => cache.delete(name));
  }
  return loaded;
}

export async function loadAllSplits(drill: Drill, baseUrl: string): Promise<AllSplits> {
  return drill.splits(await loadDrillDataset(drill.dataset, baseUrl));
}
