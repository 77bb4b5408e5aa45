/**
 * Whether the per-batch curve is worth drawing. The sandbox sends at most one batch
 * point per 100 ms, so when epochs are quicker than that (small data: one-neuron,
 * auto-mpg) the batch points are sparser than the epoch points; their thin line then
 * lies under the epoch line and seems to stop after the first epochs. Drawn only
 * when it has at least as many points as the epoch line.
 */
import type { TrainingSeries } from '../../state/run-fold';

export function batchLineHelps(series: TrainingSeries): boolean {
  const epochs = series.epoch.x.length;
  return epochs === 0 || series.batch.x.length >= epochs;
}
