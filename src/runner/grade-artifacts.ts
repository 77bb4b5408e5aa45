/**
 * The one grading path, shared by the browser's grader worker and the CLI:
 * artifacts in (however the model was trained), report out.
 */
import type { io } from '@tensorflow/tfjs';
import type { AllSplits } from '../core/data';
import type { Drill, GradeInputs } from '../core/drill';
import { gradeModel, loadModelFromArtifacts } from '../core/grading';
import type { GradeReport } from '../core/grading/report';

export function gradeArtifacts(drill: Drill, artifacts: io.ModelArtifacts, splits: AllSplits): Promise<GradeReport> {
  return gradeArtifactsOn(drill, artifacts, drill.gradeInputs(splits.test, splits.train));
}

/** The same, on test inputs already prepared (who grades many models of one drill prepares them once). */
export async function gradeArtifactsOn(drill: Drill, artifacts: io.ModelArtifacts, inputs: GradeInputs): Promise<GradeReport> {
  const model = await loadModelFromArtifacts(artifacts);
  try {
    return await gradeModel(drill, model, inputs);
  } finally {
    model.dispose();
  }
}
