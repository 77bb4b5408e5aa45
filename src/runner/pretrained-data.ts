/**
 * Fetches a drill's pretrained bases (public/models/<name>/) on the trusted side, once
 * per page, for the data worker to send down a run's channel with its splits: the
 * sandbox has no network, so a base reaches `lab.pretrained(name)` the way data does.
 */
import { type PretrainedArtifacts, PRETRAINED_FILES, parsePretrained } from '../core/lab/pretrained';

/** The models folder sits beside the datasets folder in the app (both under public/). */
export function modelsUrlBeside(datasetsUrl: string): string {
  return new URL('../models/', datasetsUrl).href;
}

const cache = new Map<string, Promise<PretrainedArtifacts>>();

export function loadPretrained(name: string, modelsUrl: string): Promise<PretrainedArtifacts> {
  const key = `${modelsUrl}${name}`;
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = fetchPretrained(name, modelsUrl);
    cache.set(key, loaded);
    // A failed load must not stick: the next Run tries again (e.g. back online).
    loaded.catch(() => cache.delete(key));
  }
  return loaded;
}

async function fetchPretrained(name: string, modelsUrl: string): Promise<PretrainedArtifacts> {
  const base = new URL(`${name}/`, modelsUrl);
  const get = async (file: string) => {
    // A network failure (offline, server gone) is a TypeError with no file in it: say which model and what to try.
    const r = await fetch(new URL(file, base)).catch(() => {
      throw new Error(`The pretrained model "${name}" could not be fetched (${file}); check the connection and run again.`);
    });
    if (!r.ok) throw new Error(`The pretrained model "${name}" could not be loaded (${file}: HTTP ${r.status}).`);
    return r;
  };
  const [json, weights] = await Promise.all([get(PRETRAINED_FILES.modelJson).then((r) => r.json()), get(PRETRAINED_FILES.weights).then((r) => r.arrayBuffer())]);
  return parsePretrained(name, json, new Uint8Array(weights));
}

/** A run's own copies (the cached bytes stay here when the copies are transferred). */
export async function pretrainedForRun(names: readonly string[] | undefined, datasetsUrl: string): Promise<PretrainedArtifacts[] | undefined> {
  if (!names?.length) return undefined;
  const modelsUrl = modelsUrlBeside(datasetsUrl);
  const bases = await Promise.all(names.map((n) => loadPretrained(n, modelsUrl)));
  return bases.map((b) => ({ ...b, weightBytes: b.weightBytes.slice() }));
}
