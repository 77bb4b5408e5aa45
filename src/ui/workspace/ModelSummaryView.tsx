/**
 * The run's model as Keras' `model.summary()` prints it: a row per layer (name,
 * type, output shape, parameters) and the totals. Learners from the Keras course
 * read this table first; here it comes with every run, so a model over the drill's
 * parameter limit is visible before its training is.
 */
import type { ModelSummary } from '../../core/model-summary';

export function ModelSummaryView({ summary }: { summary: ModelSummary | null }) {
  if (!summary) return null;
  const n = (v: number) => v.toLocaleString('en-US');
  return (
    <details className="model-summary" data-testid="model-summary" open>
      <summary>
        Model: {summary.name} — {n(summary.totalParams)} parameters
      </summary>
      <div className="table-scroll">
        <table className="exam-table">
          <thead>
            <tr>
              <th scope="col">Layer (type)</th>
              <th scope="col">Output shape</th>
              <th scope="col">Param #</th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((r, i) => (
              <tr key={i}>
                <td>
                  {r.name} ({r.className})
                </td>
                <td>
                  <code>{r.outputShape}</code>
                </td>
                <td>{n(r.params)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">
        Total params: {n(summary.totalParams)} · Trainable: {n(summary.trainableParams)} · Non-trainable: {n(summary.totalParams - summary.trainableParams)}
      </p>
    </details>
  );
}
