/** The grader's report: the mark, the metric against each threshold, contract checks, reasons, details. */
import { useEffect, useRef } from 'react';
import type { GradeReport } from '../../core/grading/report';
import { formatMetric } from '../common/format';
import { ClassifierDetailsView } from './ClassifierDetails';
import { RegressionDetailsView } from './RegressionDetails';

/** `focusOnShow`: a new report takes the focus, so a keyboard or screen-reader user lands on the mark. */
export function ReportCard({ report, focusOnShow = false }: { report: GradeReport; focusOnShow?: boolean }) {
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusOnShow) card.current?.focus();
  }, [report, focusOnShow]);
  const { metric } = report;
  const reached = (t: number) => report.value !== null && (metric.higherIsBetter ? report.value >= t : report.value <= t);
  return (
    <section ref={card} tabIndex={-1} className={`report-card ${report.passed ? 'passed' : 'failed'}`} aria-label="Report card">
      <div className="report-head">
        <div className="mark" data-testid="mark" aria-label={`Mark ${report.points} out of ${report.maxPoints}`}>
          {report.points}/{report.maxPoints}
        </div>
        <div>
          <div className={`verdict ${report.passed ? 'ok' : 'bad'}`} data-testid="verdict">
            {report.passed ? 'Passed' : 'Not passed'}
          </div>
          <div className="report-metric">
            {metric.label}: <strong>{formatMetric(report.value, metric.name)}</strong> on {report.testExamples.toLocaleString()} test examples
          </div>
        </div>
      </div>

      {report.reasons.length > 0 && (
        <ul className="reasons">
          {report.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}

      <table className="thresholds-table report-thresholds">
        <caption>Your {metric.label} against each mark</caption>
        <thead>
          <tr>
            <th scope="col">Points</th>
            <th scope="col">Needs</th>
            <th scope="col">Reached</th>
          </tr>
        </thead>
        <tbody>
          {report.thresholds.map((t, i) => (
            <tr key={i} className={reached(t) ? 'ok' : 'bad'}>
              <td>{i + 1}/5</td>
              <td>
                {metric.higherIsBetter ? '≥' : '≤'} {formatMetric(t, metric.name)}
              </td>
              <td aria-label={reached(t) ? 'yes' : 'no'}>{reached(t) ? '✓' : '✗'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {report.checks.length > 0 && (
        <>
          <h3>Model contract</h3>
          <ul className="checks">
            {report.checks.map((c) => (
              <li key={c.id} className={c.passed ? 'ok' : 'bad'}>
                <span aria-hidden="true">{c.passed ? '✓' : '✗'}</span> <span className="sr-only">{c.passed ? 'passed:' : 'failed:'}</span>{' '}
                {c.message}
              </li>
            ))}
          </ul>
        </>
      )}

      {report.spread && report.spread.length > 1 && (
        <p className="hint">
          Re-graded {report.spread.length} times: {report.spread.map((v) => formatMetric(v, metric.name)).join(', ')}.
        </p>
      )}

      {report.details?.kind === 'classifier' && <ClassifierDetailsView details={report.details} />}
      {report.details?.kind === 'regression' && <RegressionDetailsView details={report.details} />}
      <p className="hint">
        Graded in {Math.round(report.ms)} ms · {new Date(report.gradedAt).toLocaleString()}
      </p>
    </section>
  );
}
