/**
 * Dataset manifest (what `public/datasets/<name>/manifest.json` holds) and the
 * decoded, in-memory form drills read from.
 */
import type { RawImage } from '../data';

export interface DatasetFile {
  /** Path relative to the dataset folder. */
  path: string;
  /** sha256 of the file as stored (hex). */
  sha256: string;
  bytes: number;
  /** Stored compressed with gzip; decoded with `DecompressionStream`. */
  gzip?: boolean;
}

/** One named array in the dataset, stored in one file. */
export interface ArrayEntry {
  name: string;
  file: string;
  dtype: 'uint8' | 'int32' | 'float32' | 'float64' | 'uint32' | 'uint16';
  shape: number[];
  /**
   * Shards, for arrays too big for one file: when set, the array's bytes are these
   * files (after any gunzip) back to back, in order, and `file` is the first of them.
   */
  parts?: string[];
}

/** A list of UTF-8 strings: `offsets` is a uint32 array of n+1 byte offsets into `file`. */
export interface StringsEntry {
  name: string;
  file: string;
  offsetsFile: string;
  count: number;
}

/** Images of varied sizes: bytes of all images back to back, with a uint32 index of [offset, width, height] rows. */
export interface ImagesEntry {
  name: string;
  file: string;
  indexFile: string;
  count: number;
  channels: 3;
}

export interface DatasetManifest {
  name: string;
  title: string;
  description: string;
  source: { package: string; version: string; url?: string; files?: string[] };
  licence: string;
  /** How the build turned the source into these files (and any seed used). */
  build: string;
  files: DatasetFile[];
  arrays: ArrayEntry[];
  strings: StringsEntry[];
  images: ImagesEntry[];
  /** Free-form extra facts (class names, column names, units). */
  meta: Record<string, unknown>;
}

export type NumericArray = Uint8Array | Int32Array | Float32Array | Float64Array | Uint32Array | Uint16Array;

export interface DecodedArray {
  dtype: ArrayEntry['dtype'];
  shape: number[];
  values: NumericArray;
}

/** A decoded dataset: every entry of the manifest by name. */
export interface LoadedDataset {
  manifest: DatasetManifest;
  arrays: Record<string, DecodedArray>;
  strings: Record<string, string[]>;
  images: Record<string, RawImage[]>;
}

/** Where dataset bytes come from: `fetch` in the browser, the file system in Node. */
export interface DatasetSource {
  readManifest(name: string): Promise<DatasetManifest>;
  readFile(name: string, path: string): Promise<Uint8Array>;
}
