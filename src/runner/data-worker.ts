/**
 * The data worker: loads a drill's dataset (once per page), cuts the learner's
 * splits and hands them over by transfer, so neither decoding nor copying happens
 * on the main thread. Same-origin and trusted; it never sees learner code.
 */
import { registry } from '../exercises';
import { type DataRequest, type DataResponse, buffersIn, transferableCopy } from './data-protocol';
import { loadDrillDataset } from './drill-data';

const scope = self as unknown as {
  postMessage(m: DataResponse, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<DataRequest>) => void) | null;
};

scope.onmessage = async (event) => {
  const { id, drillId, datasetsUrl } = event.data;
  try {
    const { drill } = registry.get(drillId);
    const dataset = await loadDrillDataset(drill.dataset, datasetsUrl);
    const { train, validation } = drill.splits(dataset);
    // The cached dataset must not lend its buffers: transferring would empty them here.
    const splits = transferableCopy({ train, validation }, new Set(buffersIn(dataset)));
    scope.postMessage({ id, ok: true, splits }, buffersIn(splits));
  } catch (e) {
    scope.postMessage({ id, ok: false, message: (e as Error).message ?? String(e) });
  }
};
