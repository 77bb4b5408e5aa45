/** The running exam: the clock, the five tasks with their best marks, and handing in. */
import { useMemo } from 'react';
import { AREA_TITLES } from '../../core/drill';
import { deadline, formatClock, scoreExam, timeLeftMs, type Exam } from '../../core/exam';
import { routeHref } from '../../state/route';
import { InlineConfirm } from '../common/InlineConfirm';
import { useApp, useDrills, useStores } from '../stores';

export function ExamTasks({ exam, now }: { exam: Exam; now: number }) {
  const { exam: store } = useStores();
  const persisted = useApp('exam', (s) => s.persisted);
  const registry = useDrills();
  const sheet = useMemo(() => scoreExam(exam), [exam]);
  const left = timeLeftMs(exam, now);

  return (
    <section className="exam exam-running" aria-labelledby="exam-title">
      <div className="exam-head">
        <h1 id="exam-title">Mock exam</h1>
        <div className="exam-clock" role="timer" aria-label="Time left" data-testid="exam-time-left">
          {formatClock(left)}
        </div>
        <p className="hint">
          left · ends at {new Date(deadline(exam)).toLocaleTimeString()} · {sheet.total}/{sheet.max} weighted points so far (pass: {sheet.passMark})
        </p>
      </div>
      {!persisted && (
        <p className="exam-error" role="alert">
          This browser would not store the exam, so it lasts only while this tab stays open.
        </p>
      )}
      <table className="exam-table">
        <caption className="sr-only">Exam tasks</caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">Task</th>
            <th scope="col">Best mark</th>
            <th scope="col">Weight</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {sheet.tasks.map((t) => {
            const title = registry.has(t.drillId) ? registry.get(t.drillId).drill.title : t.drillId;
            return (
              <tr key={t.area} data-testid={`exam-task-${t.area}`} className={t.submitted ? 'submitted' : 'open'}>
                <td>
                  <span className="area-number">{t.area}</span> <span className="hint">{AREA_TITLES[t.area]}</span>
                </td>
                <td>
                  <a href={routeHref({ name: 'exam-task', id: t.drillId })}>{title}</a>
                </td>
                <td data-testid={`exam-best-${t.area}`}>
                  {t.submitted ? (
                    <>
                      {t.points}/5 <span className="hint">({t.submissions} {t.submissions === 1 ? 'submission' : 'submissions'})</span>
                    </>
                  ) : (
                    <span className="hint">not submitted</span>
                  )}
                </td>
                <td>× {t.weight}</td>
                <td>
                  <a href={routeHref({ name: 'import', drillId: t.drillId })}>Upload a model</a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="exam-actions">
        <InlineConfirm
          label="End the exam"
          className="exam-confirm"
          question={
            <>
              <strong>End the exam now?</strong> Your best marks so far are final; tasks not submitted score 0.
            </>
          }
          confirmLabel="End and see the score sheet"
          cancelLabel="Keep going"
          onConfirm={() => store.getState().end()}
        />
      </div>
    </section>
  );
}
