/**
 * The datasets' offline cache, seen from the page: which datasets are in it and
 * how big they are, and filling it ahead of time with progress. The service
 * worker serves from the same cache (CacheFirst), so a dataset fetched here is
 * what a Run offline reads. Every URL is built like fetchSource builds it, so
 * the cache keys match.
 */
// Deep imports on purpose: the Settings page must not pull the dataset decoder or the runner into the first bundle.
import { validateManifest } from '../../core/datasets/manifest';
import type { DatasetManifest } from '../../core/datasets/types';

const PREFIX = 'dojo-datasets-';

export const DATASET_CACHE = typeof __DOJO_DATASET_CACHE__ === 'string' ? __DOJO_DATASET_CACHE__ : `${PREFIX}dev`;

export function cacheAvailable(): boolean {
  return typeof caches !== 'undefined';
}

/** Same URL as the runner's `datasetsUrl()` + fetchSource build, so the cache keys match what a Run requests. */
function fileUrl(name: string, path: string): string {
  const base = new URL(`${import.meta.env.BASE_URL}datasets/`, document.baseURI).href.replace(/\/+$/, '');
  return `${base}/${encodeURIComponent(name)}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

export interface DatasetOfflineStatus {
  name: string;
  title: string;
  /** Bytes of all files, as the manifest lists them. */
  bytes: number;
  cachedBytes: number;
  /** Every file and the manifest are in the cache. */
  offline: boolean;
}

/**
 * Reads the manifest from the cache if there, else the network; null when neither has
 * it. Offline the network is not tried: each failed fetch is a console error.
 */
async function readManifest(cache: Cache, name: string): Promise<DatasetManifest | null> {
  const url = fileUrl(name, 'manifest.json');
  try {
    const cached = await cache.match(url);
    if (!cached && !navigator.onLine) return null;
    const response = cached ?? (await fetch(url));
    if (!response.ok) return null;
    return validateManifest(await response.json(), name);
  } catch {
    return null;
  }
}

export async function datasetStatus(name: string): Promise<DatasetOfflineStatus | null> {
  if (!cacheAvailable()) return null;
  const cache = await caches.open(DATASET_CACHE);
  const manifest = await readManifest(cache, name);
  if (!manifest) return null;
  let cachedBytes = 0;
  let all = (await cache.match(fileUrl(name, 'manifest.json'))) !== undefined;
  for (const f of manifest.files) {
    if (await cache.match(fileUrl(name, f.path))) cachedBytes += f.bytes;
    else all = false;
  }
  const bytes = manifest.files.reduce((n, f) => n + f.bytes, 0);
  return { name, title: manifest.title, bytes, cachedBytes, offline: all };
}

export interface FetchProgress {
  loadedBytes: number;
  totalBytes: number;
}

/**
 * Puts a dataset's manifest and files into the cache, reporting bytes as they
 * stream in. Files already cached are counted, not fetched again.
 */
export async function makeDatasetOffline(name: string, onProgress: (p: FetchProgress) => void, signal?: AbortSignal): Promise<void> {
  const cache = await caches.open(DATASET_CACHE);
  const manifestUrl = fileUrl(name, 'manifest.json');
  const manifestResponse = await fetch(manifestUrl, { signal });
  if (!manifestResponse.ok) throw new Error(`Could not fetch the ${name} manifest (HTTP ${manifestResponse.status}).`);
  const manifest = validateManifest(await manifestResponse.clone().json(), name);
  const totalBytes = manifest.files.reduce((n, f) => n + f.bytes, 0);
  let loadedBytes = 0;
  onProgress({ loadedBytes, totalBytes });
  for (const f of manifest.files) {
    const url = fileUrl(name, f.path);
    if (await cache.match(url)) {
      loadedBytes += f.bytes;
      onProgress({ loadedBytes, totalBytes });
      continue;
    }
    const response = await fetch(url, { signal });
    if (!response.ok || !response.body) throw new Error(`Could not fetch ${name}/${f.path} (HTTP ${response.status}).`);
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let fileBytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      fileBytes += value.byteLength;
      onProgress({ loadedBytes: loadedBytes + Math.min(fileBytes, f.bytes), totalBytes });
    }
    loadedBytes += f.bytes;
    await cache.put(url, new Response(new Blob(chunks as BlobPart[]), { status: 200, headers: response.headers }));
  }
  // The manifest last: a dataset counts as offline only once all its files are in.
  await cache.put(manifestUrl, manifestResponse);
  onProgress({ loadedBytes: totalBytes, totalBytes });
}

/**
 * Keeps one dataset for offline use in the background (a drill page opened online
 * calls this), so a drill once opened still runs after the network goes. Quiet: a
 * failure here only means the Run fetches the data itself, as before.
 */
export async function keepDatasetOffline(name: string, signal?: AbortSignal): Promise<boolean> {
  if (!cacheAvailable() || !navigator.onLine) return false;
  try {
    if ((await datasetStatus(name))?.offline) return true;
    if (signal?.aborted) return false;
    await makeDatasetOffline(name, () => {}, signal);
    return true;
  } catch {
    return false;
  }
}

/** Drops dataset caches of earlier app versions (their files may differ from today's manifests). */
export async function removeOldDatasetCaches(): Promise<void> {
  if (!cacheAvailable()) return;
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== DATASET_CACHE).map((n) => caches.delete(n)));
}
