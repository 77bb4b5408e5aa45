/**
 * Datasets: the manifest format, its validation, and decoding shipped binary files
 * into typed arrays, strings and images. Node-only readers live in src/cli/datasets.
 */
export type {
  ArrayEntry,
  DatasetFile,
  DatasetManifest,
  DatasetSource,
  DecodedArray,
  ImagesEntry,
  LoadedDataset,
  NumericArray,
  StringsEntry,
} from './types';
export { DatasetError, type DatasetProblem } from './errors';
export { validateManifest, splitRanges, type SplitRanges } from './manifest';
export { decodeDataset, verifyFile } from './decode';
export { loadDataset, type LoadOptions } from './load';
export { fetchSource } from './fetch-source';
export { sha256Hex, gunzip, typedFromLE, typedToLE } from './bytes';
