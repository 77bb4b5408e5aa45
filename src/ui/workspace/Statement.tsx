/** The drill's statement (sanitised markdown), its model contract and its thresholds. */
import { useMemo } from 'react';
import type { DrillMeta } from '../../core/drill';
import { formatMetric } from '../common/format';
import { renderMarkdown } from '../common/markdown';

export function Statement({ drill, markdown }: { drill: DrillMeta; markdown: string }) {
  const html = useMemo(() => renderMarkdown(markdown), [markdown]);
  const calibration = useMemo(() => (drill.calibration ? renderMarkdown(drill.calibration) : null), [drill.calibration]);
  const c = drill.contract;
  const cmp = drill.metric.higherIsBetter ? '≥' : '≤';
  return (
    <div className="statement">
      <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />
      <h2>Model contract</h2>
      <p className="hint">The submitted model is checked against this before any metric is computed.</p>
      <table className="kv-table">
        <tbody>
          <tr>
            <th scope="row">Input shape</th>
            <td>
              <code>[null, {c.inputShape.join(', ')}]</code>
            </td>
          </tr>
          <tr>
            <th scope="row">Output units</th>
            <td>{c.outputUnits}</td>
          </tr>
          <tr>
            <th scope="row">Output activation</th>
            <td>{c.outputActivation ?? 'any'}</td>
          </tr>
          {c.requiredLayers?.length ? (
            <tr>
              <th scope="row">Must contain</th>
              <td>{c.requiredLayers.join(' or ')}</td>
            </tr>
          ) : null}
          {c.forbiddenLayers?.length ? (
            <tr>
              <th scope="row">Not allowed</th>
              <td>{c.forbiddenLayers.join(', ')}</td>
            </tr>
          ) : null}
          {c.maxParams !== undefined && (
            <tr>
              <th scope="row">Max parameters</th>
              <td>{c.maxParams.toLocaleString()}</td>
            </tr>
          )}
        </tbody>
      </table>
      <h2>Marks</h2>
      <table className="thresholds-table">
        <caption>
          {drill.metric.label} on the hidden test split ({drill.metric.higherIsBetter ? 'higher' : 'lower'} is better)
        </caption>
        <thead>
          <tr>
            <th scope="col">Points</th>
            <th scope="col">Needs</th>
          </tr>
        </thead>
        <tbody>
          {drill.thresholds.map((t, i) => (
            <tr key={i}>
              <td>{i + 1}/5</td>
              <td>
                {cmp} {formatMetric(t, drill.metric.name)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* Calibration is for the curious, not part of the task: collapsed, and from one source (drill.ts). */}
      {calibration && (
        <details className="calibration" data-testid="calibration">
          <summary>How the thresholds were set</summary>
          <div className="markdown hint" dangerouslySetInnerHTML={{ __html: calibration }} />
        </details>
      )}
    </div>
  );
}
