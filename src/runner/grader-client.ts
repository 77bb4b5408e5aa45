/** The app's handle on the grader worker: one worker, requests matched by id. */
import { datasetsUrl } from './drill-data';
import type { GraderRequest, GraderResponse } from './grader-protocol';
import type { GraderClient } from './types';

export function createGraderClient(): GraderClient {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: GraderResponse) => void }>();

  const getWorker = () => {
    if (!worker) {
      worker = new Worker(new URL('./grader-worker.ts', import.meta.url), { type: 'module', name: 'tensor-dojo-grader' });
      worker.onmessage = (e: MessageEvent<GraderResponse>) => {
        pending.get(e.data.id)?.resolve(e.data);
        pending.delete(e.data.id);
      };
      worker.onerror = (e) => {
        const message = `The grader crashed: ${e.message || 'unknown error'}`;
        for (const p of pending.values()) p.resolve({ id: 0, ok: false, message });
        pending.clear();
        worker?.terminate();
        worker = undefined;
      };
    }
    return worker;
  };

  return {
    async grade(drillId, artifacts, custom) {
      const id = nextId++;
      const response = await new Promise<GraderResponse>((resolve) => {
        pending.set(id, { resolve });
        getWorker().postMessage({ id, drillId, artifacts, datasetsUrl: datasetsUrl(), custom } satisfies GraderRequest);
      });
      if (!response.ok) throw new Error(response.message);
      return response.report;
    },
  };
}
