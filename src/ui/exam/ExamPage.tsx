/** `#/exam`: the start screen, the running exam, or its score sheet, by the exam's phase. */
import { examPhase } from '../../core/exam';
import { useApp } from '../stores';
import { ExamStart } from './ExamStart';
import { ExamTasks } from './ExamTasks';
import { ScoreSheetView } from './ScoreSheet';
import { useNow } from './use-now';
import './exam.css';

export function ExamPage() {
  const exam = useApp('exam', (s) => s.exam);
  const now = useNow();
  if (exam === null) return <ExamStart />;
  const phase = examPhase(exam, now);
  return phase === 'running' ? <ExamTasks exam={exam} now={now} /> : <ScoreSheetView exam={exam} phase={phase} />;
}
