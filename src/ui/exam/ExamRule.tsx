/** The marking rule in plain words. Figures come from `EXAM_RULE`; the worked example assumes its weights 1–5 and 90 %. */
import { EXAM_AREAS, EXAM_RULE } from '../../core/exam';

export function ExamRule() {
  const max = EXAM_AREAS.reduce((s, a) => s + 5 * EXAM_RULE.weights[a], 0);
  const passMark = Math.ceil((max * EXAM_RULE.passPercent) / 100);
  return (
    <div className="exam-rule" data-testid="exam-rule">
      <h2>How it is marked</h2>
      <ul>
        <li>
          Five tasks, one per area. Each model you submit is graded 0–5 as usual; you may resubmit as often as you like and the{' '}
          <strong>best mark per task</strong> counts. A task you never submit scores <strong>0</strong>. Submissions after the time is up do not
          count.
        </li>
        <li>
          Marks are <strong>weighted by area</strong>:{' '}
          {EXAM_AREAS.map((a) => `area ${a} × ${EXAM_RULE.weights[a]}`).join(', ')} — the areas rise in difficulty, and the hard ones took
          candidates most of their time, so they count for more. The maximum is <strong>{max}</strong>.
        </li>
        <li>
          You pass with <strong>{EXAM_RULE.passPercent} %</strong> of the maximum, i.e. <strong>{passMark} of {max}</strong>: candidates of the
          former certificate reported about 90 % to pass on its 5 × 5 points. You can lose one point on the time-series task and one on
          area 2, but not one point on each of areas 5 and 3.
        </li>
        <li>
          Any way of getting a model counts: train it in the lab and press Submit, or train it elsewhere and upload it under “Grade a model”.
        </li>
      </ul>
      <p className="hint">This weighting is Tensor Dojo's choice: the certificate never published its formula, and the exam is no longer offered.</p>
    </div>
  );
}
