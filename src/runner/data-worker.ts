/**
 * The data worker: loads a drill's dataset (once per page), cuts the learner's
 * splits and posts them by transfer down the run's channel to the sandbox worker,
 * so neither decoding nor copying happens on the main thread. Same-origin and
 * trusted; it never sees learner code, and only `train` and `validation` leave it.
 */
import { registry } from '../exercises';
import { type DataPortMessage, type DataRequest, type DataResponse, buffersIn, transferableCopy } from './data-protocol';
import { loadDrillDataset } from './drill-data';
import { pretrainedForRun } from './pretrained-data';

const scope = self as unknown as {
  postMessage(m: DataResponse): void;
  onmessage: ((e: MessageEvent<DataRequest>) => void) | null;
};

scope.onmessage = async (event) => {
  const { id, drillId, datasetsUrl, port } = event.data;
  try {
    const { drill } = registry.get(drillId);
    const [dataset, pretrained] = await Promise.all([loadDrillDataset(drill.dataset, datasetsUrl), pretrainedForRun(drill.pretrained, datasetsUrl)]);
    const { train, validation } = drill.splits(dataset);
    // The cached dataset must not lend its buffers: transferring would empty them here.
    const splits = transferableCopy({ train, validation, ...(pretrained && { pretrained }) }, new Set(buffersIn(dataset)));
    const message: DataPortMessage = { type: 'splits', splits };
    port.postMessage(message, buffersIn(splits));
    scope.postMessage({ id, ok: true });
  } catch (e) {
    scope.postMessage({ id, ok: false, message: (e as Error).message ?? String(e) });
  } finally {
    // A stopped run's sandbox is gone; its end of the channel then just drops the message.
    port.close();
  }
};
