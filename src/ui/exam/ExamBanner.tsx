/** The strip above a drill opened from the exam: which task, time left, the way back. */
import { examPhase, formatClock, timeLeftMs } from '../../core/exam';
import { routeHref } from '../../state/route';
import { useApp } from '../stores';
import { useNow } from './use-now';

export function ExamBanner({ drillId }: { drillId: string }) {
  const exam = useApp('exam', (s) => s.exam);
  const sheetSeen = useApp('exam', (s) => s.sheetSeen);
  const now = useNow();
  const back = (
    <a className="exam-banner-back" href={routeHref({ name: 'exam' })}>
      Back to exam
    </a>
  );
  const task = exam?.tasks.find((t) => t.drillId === drillId);
  let text;
  if (exam === null || task === undefined) {
    text = 'This drill is not a task of a running mock exam: submissions here are ordinary practice.';
  } else if (examPhase(exam, now) !== 'running') {
    text = `The mock exam is over: submissions here are ordinary practice.${sheetSeen ? '' : ' The score sheet is waiting.'}`;
  } else {
    text = (
      <>
        Mock exam · area {task.area} task ·{' '}
        <span role="timer" aria-label="Time left" data-testid="banner-time-left">
          {formatClock(timeLeftMs(exam, now))}
        </span>{' '}
        left · your best submitted mark counts
      </>
    );
  }
  return (
    <div className="exam-banner" data-testid="exam-banner">
      <span className="exam-banner-text">{text}</span>
      {back}
    </div>
  );
}
