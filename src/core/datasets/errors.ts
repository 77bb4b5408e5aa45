/**
 * One error type for every way a dataset can fail to load, so the UI and the CLI can
 * say which dataset and which file broke, and what to try, without parsing messages.
 */

export type DatasetProblem =
  | 'manifest' // missing, not JSON, or not a valid manifest
  | 'http' // the server answered with an error status, or could not be reached
  | 'missing' // a file the manifest names was not supplied
  | 'truncated' // fewer bytes than the manifest says
  | 'size' // more bytes than the manifest says
  | 'checksum' // sha256 differs from the manifest
  | 'gzip' // marked gzip but does not decompress
  | 'shape' // decoded length does not fit the declared shape / count
  | 'format'; // offsets / image index inconsistent, invalid UTF-8

export class DatasetError extends Error {
  readonly dataset: string;
  readonly file: string | undefined;
  readonly problem: DatasetProblem;

  constructor(dataset: string, problem: DatasetProblem, detail: string, file?: string) {
    const where = file ? `dataset "${dataset}", file "${file}"` : `dataset "${dataset}"`;
    super(`Could not load ${where}: ${detail}`);
    this.name = 'DatasetError';
    this.dataset = dataset;
    this.file = file;
    this.problem = problem;
  }
}
