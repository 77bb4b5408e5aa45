/**
 * Grading: the one trusted grader for the app and the CLI.
 *
 * - `gradeModel(drill, model, inputs)` → GradeReport (contract, metric, points, reasons, details)
 * - `checkContract(model, contract)` → ContractCheck[]
 * - metrics on read-back outputs, `predictInBatches` to get them without holding the test set on the backend
 * - `pointsFor` / `validateThresholds`: the 0–5 table
 * - model files: `artifactsFromFiles`, `validateArtifacts`, `loadModelFromArtifacts`,
 *   `modelToArtifacts`, `artifactsToFiles`, all failing with `ModelFileError`
 */
export type { ClassifierDetails, ContractCheck, GradeReport, RegressionDetails } from './report';
export { checkContract, contractBreaches, finalActivation, formatShape, layerClassNames, type FinalActivation } from './contract';
export {
  accuracy,
  classesFromOutputs,
  confusionMatrix,
  errorMetrics,
  labelsFromBlock,
  mae,
  mse,
  nonFiniteRows,
  perClassAccuracy,
  rmse,
  worstMisclassified,
  type ClassPredictions,
  type ErrorMetrics,
  type Misclassified,
  type Predictions,
} from './metrics';
export { defaultBatchSize, predictInBatches, type PredictOptions } from './predict';
export { MAX_POINTS, meets, pointsFor, validateThresholds } from './points';
export { formatAgainst, gradeModel, type GradeOptions } from './grade';
export {
  MAX_WEIGHT_ELEMENTS,
  ModelFileError,
  artifactsFromFiles,
  artifactsToFiles,
  loadModelFromArtifacts,
  modelToArtifacts,
  validateArtifacts,
  type ModelFile,
} from './model-io';
