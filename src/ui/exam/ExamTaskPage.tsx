/**
 * `#/exam/<drill>`: the ordinary workspace under the exam banner. Submitting works
 * as anywhere else; while the exam runs, a graded model of this drill is recorded
 * for its task (see `createAppStores`), so nothing here differs from practice.
 */
import { WorkspacePage } from '../workspace/WorkspacePage';
import { ExamBanner } from './ExamBanner';
import './exam.css';

export function ExamTaskPage({ drillId }: { drillId: string }) {
  return (
    <>
      <ExamBanner drillId={drillId} />
      <WorkspacePage key={drillId} drillId={drillId} />
    </>
  );
}
