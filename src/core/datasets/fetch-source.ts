/**
 * DatasetSource over HTTP: `<baseUrl>/<name>/manifest.json` and `<baseUrl>/<name>/<path>`.
 */
import { DatasetError } from './errors';
import { parseManifestText } from './manifest';
import type { DatasetManifest, DatasetSource } from './types';

type FetchLike = (url: string) => Promise<Response>;

export function fetchSource(baseUrl: string, fetchFn: FetchLike = (u) => fetch(u)): DatasetSource {
  const base = baseUrl.replace(/\/+$/, '');

  async function get(name: string, path: string): Promise<Response> {
    const url = `${base}/${encodeURIComponent(name)}/${path.split('/').map(encodeURIComponent).join('/')}`;
    let res: Response;
    try {
      res = await fetchFn(url);
    } catch (e) {
      throw new DatasetError(name, 'http', `the request to ${url} failed (${(e as Error).message}). Are you offline?`, path);
    }
    if (!res.ok) {
      const status = `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
      const hint = res.status === 404 ? ' Is the dataset built ("dojo datasets build")?' : '';
      throw new DatasetError(name, 'http', `HTTP ${status} from ${url}.${hint}`, path);
    }
    return res;
  }

  return {
    async readManifest(name: string): Promise<DatasetManifest> {
      const res = await get(name, 'manifest.json');
      const text = await res.text();
      return parseManifestText(text, name);
    },
    async readFile(name: string, path: string): Promise<Uint8Array> {
      const res = await get(name, path);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}
