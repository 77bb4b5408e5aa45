/** Loss and metric curves of the current run, per batch (thin) and per epoch (dots), training and validation. */
import { useCallback } from 'react';
import { trainingLines } from '../../state/chart-data';
import type { TrainingSeries } from '../../state/run-fold';
import { LineChart, type LineStyle } from '../common/LineChart';
import { useApp } from '../stores';
import { batchLineHelps } from './batch-line';

const styleOf = (label: string): LineStyle => {
  if (label.startsWith('val_')) return { stroke: '#f2a65a', width: 2, points: true };
  if (label.endsWith('(epoch)')) return { stroke: '#5aa9f2', width: 2, points: true };
  return { stroke: 'rgba(90, 169, 242, 0.45)', width: 1 };
};

export function TrainingCharts({ series, version }: { series: TrainingSeries; version: number }) {
  const theme = useApp('settings', (s) => s.theme);
  const linesOf = useCallback(
    (which: 'loss' | 'metric') => {
      const lines = trainingLines(series, which);
      return batchLineHelps(series) ? lines : lines.filter((l) => !l.label.endsWith('(batch)'));
    },
    [series],
  );
  const loss = useCallback(() => linesOf('loss'), [linesOf]);
  const metric = useCallback(() => linesOf('metric'), [linesOf]);
  if (version === 0) return null;
  const xLabel = 'epoch';
  const sparse = !batchLineHelps(series);
  return (
    <div className="charts">
      {sparse && (
        <p className="hint" data-testid="batch-line-note">
          Epochs here take less than the 100 ms between per-batch updates, so the curves show epochs only.
        </p>
      )}
      <LineChart title="Loss" xLabel={xLabel} lines={loss} version={version} styleOf={styleOf} theme={theme} />
      {series.metricKey && (
        <LineChart title={`Metric: ${series.metricKey}`} xLabel={xLabel} lines={metric} version={version} styleOf={styleOf} theme={theme} />
      )}
    </div>
  );
}
