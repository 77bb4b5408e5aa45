/** The app's handle on the data worker: one worker, requests matched by id. */
import type { DataRequest, DataResponse } from './data-protocol';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (r: DataResponse) => void>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./data-worker.ts', import.meta.url), { type: 'module', name: 'tensor-dojo-data' });
    worker.onmessage = (e: MessageEvent<DataResponse>) => {
      pending.get(e.data.id)?.(e.data);
      pending.delete(e.data.id);
    };
    worker.onerror = (e) => {
      for (const resolve of pending.values()) resolve({ id: 0, ok: false, message: `The data loader crashed: ${e.message || 'unknown error'}` });
      pending.clear();
      worker?.terminate();
      worker = undefined;
    };
  }
  return worker;
}

/**
 * Has the data worker load a drill's train and validation splits and post them
 * down `port` (transferred here) to whoever holds the other end: the page never
 * holds the bytes. Resolves once they are sent; rejects with a readable reason.
 */
export async function sendLearnerSplitsOffThread(drillId: string, datasetsUrl: string, port: MessagePort): Promise<void> {
  const id = nextId++;
  const response = await new Promise<DataResponse>((resolve) => {
    pending.set(id, resolve);
    getWorker().postMessage({ id, drillId, datasetsUrl, port } satisfies DataRequest, [port]);
  });
  if (!response.ok) throw new Error(response.message);
}
