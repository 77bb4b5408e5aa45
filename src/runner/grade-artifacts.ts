/**
 * The one grading path, shared by the browser's grader worker and the CLI:
 * artifacts in (however the model was trained), report out.
 */
import type { io } from '@tensorflow/tfjs';
import type { AllSplits } from '../core/data';
import type { Drill } from '../core/drill';
import { gradeModel, loadModelFromArtifacts } from '../core/grading';
import type { GradeReport } from '../core/grading/report';

export async function gradeArtifacts(drill: Drill, artifacts: io.ModelArtifacts, splits: AllSplits): Promise<GradeReport> {
  const inputs = drill.gradeInputs(splits.test, splits.train);
  const model = await loadModelFromArtifacts(artifacts);
  try {
    return await gradeModel(drill, model, inputs);
  } finally {
    model.dispose();
  }
}
