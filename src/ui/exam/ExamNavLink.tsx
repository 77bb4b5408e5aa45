/** The header's "Mock exam" link; while an exam runs it carries the clock, so time left is visible on every page. */
import { examPhase, formatClock, timeLeftMs, type Exam } from '../../core/exam';
import { routeHref } from '../../state/route';
import { useApp } from '../stores';
import { useNow } from './use-now';
import './exam.css';

export function ExamNavLink({ current }: { current: boolean }) {
  const exam = useApp('exam', (s) => s.exam);
  const sheetSeen = useApp('exam', (s) => s.sheetSeen);
  return (
    <a href={routeHref({ name: 'exam' })} aria-current={current ? 'page' : undefined}>
      Mock exam{exam !== null && <ExamNavClock exam={exam} sheetSeen={sheetSeen} />}
    </a>
  );
}

/** Its own component, so only it re-renders every second. */
function ExamNavClock({ exam, sheetSeen }: { exam: Exam; sheetSeen: boolean }) {
  const now = useNow();
  if (examPhase(exam, now) !== 'running') return sheetSeen ? null : <span className="exam-nav-clock"> · score sheet</span>;
  return <span className="exam-nav-clock" data-testid="nav-time-left"> · {formatClock(timeLeftMs(exam, now))}</span>;
}
