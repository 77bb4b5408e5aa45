/** The end of an exam: the weighted total against the pass mark, task by task. */
import { useEffect, useMemo } from 'react';
import { AREA_TITLES } from '../../core/drill';
import { closedAt, formatClock, scoreExam, type Exam, type ExamPhase } from '../../core/exam';
import { useDrills, useStores } from '../stores';
import { ExamRule } from './ExamRule';

export function ScoreSheetView({ exam, phase }: { exam: Exam; phase: Exclude<ExamPhase, 'running'> }) {
  const { exam: store } = useStores();
  const registry = useDrills();
  const sheet = useMemo(() => scoreExam(exam), [exam]);
  const used = closedAt(exam) - exam.startedAt;
  useEffect(() => store.getState().markSheetSeen(), [store, exam]);

  return (
    <section className="exam exam-sheet" aria-labelledby="sheet-title">
      <h1 id="sheet-title">Score sheet</h1>
      <p className="hint" data-testid="exam-ended">
        {phase === 'time-up' ? 'Time ran out' : 'You ended the exam'} at {new Date(closedAt(exam)).toLocaleString()}, after {formatClock(used)} of{' '}
        {formatClock(exam.durationMs)}.
      </p>
      <div className={`exam-result ${sheet.passed ? 'passed' : 'failed'}`}>
        <div className="mark" data-testid="exam-total" aria-label={`${sheet.total} of ${sheet.max} weighted points`}>
          {sheet.total}/{sheet.max}
        </div>
        <div>
          <div className={`verdict ${sheet.passed ? 'ok' : 'bad'}`} data-testid="exam-verdict">
            {sheet.passed ? 'Passed' : 'Not passed'}
          </div>
          <div>
            {sheet.percent.toFixed(1)} % · pass mark {sheet.passMark}/{sheet.max} · {sheet.rawPoints}/{sheet.rawMax} unweighted points
          </div>
        </div>
      </div>
      <table className="exam-table">
        <caption className="sr-only">Marks per task</caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">Task</th>
            <th scope="col">Best mark</th>
            <th scope="col">Weight</th>
            <th scope="col">Weighted</th>
          </tr>
        </thead>
        <tbody>
          {sheet.tasks.map((t) => (
            <tr key={t.area} data-testid={`sheet-task-${t.area}`}>
              <td>
                <span className="area-number">{t.area}</span> <span className="hint">{AREA_TITLES[t.area]}</span>
              </td>
              <td>{registry.has(t.drillId) ? registry.get(t.drillId).drill.title : t.drillId}</td>
              <td>
                {t.points}/5{' '}
                <span className="hint">{t.submitted ? `(${t.submissions} ${t.submissions === 1 ? 'submission' : 'submissions'})` : '(not submitted)'}</span>
              </td>
              <td>× {t.weight}</td>
              <td>
                {t.weighted}/{t.maxWeighted}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              Total
            </th>
            <td>
              {sheet.total}/{sheet.max}
            </td>
          </tr>
        </tfoot>
      </table>
      <ExamRule />
      <button type="button" className="btn btn-primary" onClick={() => store.getState().discard()}>
        Start another exam
      </button>
    </section>
  );
}
