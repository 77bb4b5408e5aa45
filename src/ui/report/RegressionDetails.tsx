import { useCallback } from 'react';
import type { RegressionDetails } from '../../core/grading/report';
import { LineChart } from '../common/LineChart';
import { useApp } from '../stores';

export function RegressionDetailsView({ details }: { details: RegressionDetails }) {
  const theme = useApp('settings', (s) => s.theme);
  const lines = useCallback(() => {
    const xs = details.actual.map((_, i) => i);
    return [
      { label: 'actual', xs, ys: details.actual },
      { label: 'predicted', xs: details.predicted.map((_, i) => i), ys: details.predicted },
    ];
  }, [details]);
  return (
    <div className="details">
      <LineChart
        title={`Predicted vs actual${details.unit ? ` (${details.unit})` : ''}`}
        xLabel="test example"
        lines={lines}
        version={1}
        theme={theme}
        styleOf={(label) => (label === 'actual' ? { stroke: '#9aa4b2', width: 1.5 } : { stroke: '#f2a65a', width: 1.5 })}
      />
    </div>
  );
}
