/**
 * The two containers Keras writes, opened with libraries loaded on first use
 * (`import()`), so neither the page's first paint nor a CLI command that never
 * sees a Keras file pays for them:
 * - `.keras` (Keras 3): a zip (fflate) of `config.json`, `metadata.json` and
 *   `model.weights.h5`;
 * - `.h5` (legacy `model.save('x.h5')`): one HDF5 file (jsfive) with the config in
 *   the `model_config` attribute and the weights under `model_weights/`.
 * Both are pure JavaScript: nothing is fetched at run time, in the browser or in Node.
 * What comes out is a neutral tree (`H5Group`) so the rest never sees a library type.
 */
import { MAX_MODEL_BYTES, MAX_MODEL_JSON_BYTES, MAX_WEIGHT_ELEMENTS, ModelFileError } from '../grading/model-files';

export interface H5Dataset {
  kind: 'dataset';
  shape: number[];
  /** The values as float32 (Keras stores float32; float16/float64 are converted). */
  read(): Float32Array;
}

export interface H5Group {
  kind: 'group';
  attrs: Record<string, unknown>;
  keys: string[];
  get(name: string): H5Group | H5Dataset | undefined;
}

/** What a Keras file holds, before any translation. */
export interface KerasContainer {
  /** `keras` for the Keras 3 zip, `h5` for the legacy single HDF5 file. */
  format: 'keras' | 'h5';
  /** The model's config (`config.json`, or the `model_config` attribute), parsed. */
  config: unknown;
  kerasVersion: string | null;
  /** The weights' root: `model.weights.h5`'s root, or the `.h5` file's `model_weights` group. */
  weights: H5Group;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const HDF5_MAGIC = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

export function looksLikeZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

export function looksLikeHdf5(bytes: Uint8Array): boolean {
  return HDF5_MAGIC.every((b, i) => bytes[i] === b);
}

/** A file the Keras reader should take: by its name, or by its first bytes whatever it is called. */
export function isKerasFileName(name: string): boolean {
  return /\.(keras|h5|hdf5)$/i.test(name);
}

export async function openKerasFile(name: string, bytes: Uint8Array): Promise<KerasContainer> {
  if (looksLikeZip(bytes)) return openKerasZip(name, bytes);
  if (looksLikeHdf5(bytes)) return openLegacyH5(name, bytes);
  if (bytes.length === 0) throw new ModelFileError(`'${name}' is empty (0 bytes); save the model again.`);
  throw new ModelFileError(
    `'${name}' is neither a Keras 3 .keras file (a zip) nor an HDF5 .h5 file: its first bytes are not a zip or HDF5 signature. Save it again with model.save("model.keras") or model.save("model.h5").`,
  );
}

class TooLarge extends Error {
  constructor(readonly entry: string) {
    super(entry);
  }
}

async function openKerasZip(name: string, bytes: Uint8Array): Promise<KerasContainer> {
  const { unzipSync } = await import('fflate');
  let entries: Record<string, Uint8Array>;
  try {
    // Only the three entries Keras writes are inflated; anything else in the zip is left alone.
    // Sizes are checked as declared before inflating, so a small zip that would unpack to
    // gigabytes is refused instead of filling memory (fflate inflates into a buffer of the declared size).
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (f.name !== 'config.json' && f.name !== 'metadata.json' && f.name !== 'model.weights.h5') return false;
        const limit = f.name === 'model.weights.h5' ? MAX_MODEL_BYTES : MAX_MODEL_JSON_BYTES;
        if (f.originalSize > limit) throw new TooLarge(f.name);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof TooLarge) {
      throw new ModelFileError(`'${name}' holds a ${e.entry} larger than any model this lab reads; it is not a model for an exam task.`);
    }
    throw new ModelFileError(`'${name}' is a damaged zip (${(e as Error).message}); it is probably truncated — download or save it again.`);
  }
  const configBytes = entries['config.json'];
  if (!configBytes) {
    throw new ModelFileError(
      `'${name}' is a zip without config.json, so it is not a Keras 3 model; save it with model.save("model.keras") (not save_weights).`,
    );
  }
  const config = parseJson(configBytes, `config.json in '${name}'`);
  let kerasVersion: string | null = null;
  if (entries['metadata.json']) {
    const meta = parseJson(entries['metadata.json'], `metadata.json in '${name}'`) as { keras_version?: unknown };
    if (typeof meta?.keras_version === 'string') kerasVersion = meta.keras_version;
  }
  const h5 = entries['model.weights.h5'];
  if (!h5) throw new ModelFileError(`'${name}' has no model.weights.h5, so it holds no trained weights; save the whole model with model.save("model.keras").`);
  const root = await openHdf5(h5, `model.weights.h5 in '${name}'`);
  return { format: 'keras', config, kerasVersion, weights: root };
}

async function openLegacyH5(name: string, bytes: Uint8Array): Promise<KerasContainer> {
  const root = await openHdf5(bytes, `'${name}'`);
  const modelConfig = root.attrs.model_config;
  if (modelConfig === undefined) {
    throw new ModelFileError(
      `'${name}' is an HDF5 file without a model_config, so it holds weights only (save_weights); save the whole model with model.save("model.h5").`,
    );
  }
  // A string (h5py's variable-length str) or, from older writers, its bytes.
  const configBytes =
    typeof modelConfig === 'string' ? new TextEncoder().encode(modelConfig) : modelConfig instanceof Uint8Array ? modelConfig : null;
  const config = configBytes ? parseJson(configBytes, `the model_config of '${name}'`) : modelConfig;
  const weights = root.get('model_weights');
  if (weights === undefined || weights.kind !== 'group') {
    throw new ModelFileError(`'${name}' has a model_config but no model_weights, so it holds no trained weights; save the whole model with model.save("model.h5").`);
  }
  const version = root.attrs.keras_version;
  return { format: 'h5', config, kerasVersion: typeof version === 'string' ? version : null, weights };
}

async function openHdf5(bytes: Uint8Array, where: string): Promise<H5Group> {
  const jsfive = await import('jsfive');
  if (!looksLikeHdf5(bytes)) throw new ModelFileError(`${where} is not an HDF5 file; the model was not saved by Keras or is damaged.`);
  const declared = declaredLength(bytes);
  if (declared !== null && declared > bytes.length) {
    throw new ModelFileError(
      `${where} is truncated: its header says ${declared.toLocaleString('en-US')} bytes but it holds ${bytes.length.toLocaleString('en-US')}; download or save it again.`,
    );
  }
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
  let file: InstanceType<typeof jsfive.File>;
  try {
    file = new jsfive.File(buffer);
  } catch (e) {
    throw damaged(where, e);
  }
  return wrapGroup(file, where, buffer.byteLength, jsfive.Dataset);
}

function wrapGroup(g: import('jsfive').Group, where: string, fileBytes: number, DatasetClass: typeof import('jsfive').Dataset): H5Group {
  let attrs: Record<string, unknown> | undefined;
  let keys: string[] | undefined;
  return {
    kind: 'group',
    get attrs() {
      try {
        return (attrs ??= g.attrs);
      } catch (e) {
        throw damaged(where, e);
      }
    },
    get keys() {
      try {
        return (keys ??= g.keys);
      } catch (e) {
        throw damaged(where, e);
      }
    },
    get(name) {
      if (!this.keys.includes(name)) return undefined;
      let child: import('jsfive').Group | import('jsfive').Dataset;
      try {
        child = g.get(name);
      } catch (e) {
        throw damaged(where, e);
      }
      return child instanceof DatasetClass ? wrapDataset(child, `${where}`, fileBytes) : wrapGroup(child as import('jsfive').Group, where, fileBytes, DatasetClass);
    },
  };
}

function wrapDataset(d: import('jsfive').Dataset, where: string, fileBytes: number): H5Dataset {
  let shape: number[];
  try {
    shape = [...d.shape];
  } catch (e) {
    throw damaged(where, e);
  }
  return {
    kind: 'dataset',
    shape,
    read() {
      const elements = shape.reduce((a, b) => a * b, 1);
      const dtype = String(d.dtype);
      if (!/^[<>]f[248]$/.test(dtype)) {
        throw new ModelFileError(`${where} stores a weight as ${dtype}; Keras models store floating-point weights, so this file is not a usable model.`);
      }
      // A declared shape is checked before reading (in bytes: f2, f4, f8), so a damaged or hostile file cannot make us allocate gigabytes.
      const bytesPerElement = Number(dtype.slice(2));
      if (!shape.every((n) => Number.isInteger(n) && n >= 0) || elements > MAX_WEIGHT_ELEMENTS || elements * bytesPerElement > fileBytes) {
        throw new ModelFileError(`${where} declares a weight of shape [${shape.join(', ')}], larger than the file itself; the file is damaged.`);
      }
      let values: ArrayLike<number | bigint>;
      try {
        values = d.value;
      } catch (e) {
        throw damaged(where, e);
      }
      if (values.length !== elements) throw damaged(where, new Error(`a weight has ${values.length} values where its shape needs ${elements}`));
      return values instanceof Float32Array ? values : Float32Array.from(values as ArrayLike<number>);
    },
  };
}

/**
 * The file length the HDF5 superblock declares ("end of file address"): a cut-off
 * download can still hold every weight a reader asks for, so the length is checked.
 * Superblock v0 keeps it at byte 40, v2/v3 at byte 28 (8-byte addresses, as h5py writes).
 */
function declaredLength(bytes: Uint8Array): number | null {
  const version = bytes[8];
  const at = version === 0 ? 40 : version === 2 || version === 3 ? 28 : -1;
  if (at < 0 || bytes.length < at + 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, 8);
  const length = Number(view.getBigUint64(0, true));
  return Number.isSafeInteger(length) ? length : null;
}

function damaged(where: string, e: unknown): ModelFileError {
  const why = e instanceof Error ? e.message : String(e);
  return new ModelFileError(`${where} could not be read as HDF5 (${why.split('\n')[0]}); it is probably truncated or damaged — download or save it again.`);
}

function parseJson(bytes: Uint8Array, where: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new ModelFileError(`${where} is not valid JSON (${(e as Error).message}); the file is damaged.`);
  }
}
