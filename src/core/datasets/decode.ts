/**
 * Turns a manifest plus the bytes of its files into typed arrays, strings and images.
 * Pure: the bytes come from whatever DatasetSource read them. Every file is checked
 * (size, then sha256, then gunzip, then length against the declared shape) so a stale
 * or damaged download fails loudly instead of training on garbage.
 */
import type { RawImage } from '../data';
import { BYTES_PER_ELEMENT, concatBytes, gunzip, isGzip, sha256Hex, typedFromLE } from './bytes';
import { DatasetError } from './errors';
import type { DatasetFile, DatasetManifest, DecodedArray, LoadedDataset } from './types';

/** Checks one stored file against its manifest record and returns its decoded bytes. */
export async function verifyFile(dataset: string, record: DatasetFile, stored: Uint8Array | undefined): Promise<Uint8Array> {
  const { path } = record;
  if (stored === undefined) throw new DatasetError(dataset, 'missing', 'the file was not supplied.', path);
  if (stored.length < record.bytes) {
    throw new DatasetError(
      dataset,
      'truncated',
      `truncated: got ${stored.length} bytes, the manifest says ${record.bytes}. The download was cut short; try again.`,
      path,
    );
  }
  if (stored.length > record.bytes) {
    throw new DatasetError(
      dataset,
      'size',
      `got ${stored.length} bytes, the manifest says ${record.bytes}. The file and manifest are from different builds.`,
      path,
    );
  }
  const sha = await sha256Hex(stored);
  if (sha !== record.sha256) {
    throw new DatasetError(
      dataset,
      'checksum',
      `checksum mismatch: sha256 is ${sha.slice(0, 12)}…, the manifest says ${record.sha256.slice(0, 12)}…. The file is damaged or out of date; rebuild with "dojo datasets build".`,
      path,
    );
  }
  if (!record.gzip) return stored;
  if (!isGzip(stored)) {
    throw new DatasetError(dataset, 'gzip', 'marked gzip but is not gzip data.', path);
  }
  try {
    return await gunzip(stored);
  } catch (e) {
    throw new DatasetError(dataset, 'gzip', `could not be gunzipped (${(e as Error).message}).`, path);
  }
}

function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * Decodes every entry of `manifest` from `files` (stored bytes keyed by path).
 * Throws DatasetError naming the dataset and file on any problem.
 */
export async function decodeDataset(manifest: DatasetManifest, files: Record<string, Uint8Array>): Promise<LoadedDataset> {
  const ds = manifest.name;
  const plain = new Map<string, Uint8Array>();
  for (const record of manifest.files) {
    plain.set(record.path, await verifyFile(ds, record, files[record.path]));
  }
  const bytesOf = (path: string): Uint8Array => {
    const b = plain.get(path);
    if (b === undefined) throw new DatasetError(ds, 'manifest', 'is referenced by an entry but not listed in manifest.files.', path);
    return b;
  };

  const arrays: Record<string, DecodedArray> = {};
  for (const a of manifest.arrays) {
    const paths = a.parts ?? [a.file];
    const bytes = concatBytes(paths.map(bytesOf));
    const expected = product(a.shape) * BYTES_PER_ELEMENT[a.dtype];
    if (bytes.length !== expected) {
      throw new DatasetError(
        ds,
        'shape',
        `array "${a.name}" has ${bytes.length} bytes, but ${a.dtype} with shape [${a.shape.join(', ')}] needs ${expected}.`,
        a.file,
      );
    }
    arrays[a.name] = { dtype: a.dtype, shape: [...a.shape], values: typedFromLE(a.dtype, bytes) };
  }

  const strings: Record<string, string[]> = {};
  for (const s of manifest.strings) {
    const offsets = uint32s(ds, s.offsetsFile, bytesOf(s.offsetsFile), s.count + 1, `offsets of "${s.name}"`);
    const text = bytesOf(s.file);
    checkOffsets(ds, s.offsetsFile, offsets, text.length, s.name);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const out: string[] = new Array(s.count);
    try {
      for (let i = 0; i < s.count; i++) out[i] = decoder.decode(text.subarray(offsets[i]!, offsets[i + 1]!));
    } catch {
      throw new DatasetError(ds, 'format', `strings "${s.name}" are not valid UTF-8.`, s.file);
    }
    strings[s.name] = out;
  }

  const images: Record<string, RawImage[]> = {};
  for (const im of manifest.images) {
    const index = uint32s(ds, im.indexFile, bytesOf(im.indexFile), im.count * 3, `index of "${im.name}"`);
    const pixels = bytesOf(im.file);
    const out: RawImage[] = new Array(im.count);
    for (let i = 0; i < im.count; i++) {
      const offset = index[i * 3]!;
      const width = index[i * 3 + 1]!;
      const height = index[i * 3 + 2]!;
      const end = offset + width * height * im.channels;
      if (width === 0 || height === 0 || end > pixels.length) {
        throw new DatasetError(
          ds,
          'format',
          `image ${i} of "${im.name}" (${width}×${height} at byte ${offset}) lies outside the ${pixels.length}-byte pixel file.`,
          im.indexFile,
        );
      }
      // A copy per image: each one may be transferred to a worker on its own.
      out[i] = { width, height, pixels: pixels.slice(offset, end) };
    }
    images[im.name] = out;
  }

  return { manifest, arrays, strings, images };
}

function uint32s(ds: string, path: string, bytes: Uint8Array, count: number, what: string): Uint32Array {
  if (bytes.length !== count * 4) {
    throw new DatasetError(ds, 'shape', `${what} should be ${count} uint32 values (${count * 4} bytes), got ${bytes.length} bytes.`, path);
  }
  return typedFromLE('uint32', bytes) as Uint32Array;
}

function checkOffsets(ds: string, path: string, offsets: Uint32Array, textBytes: number, name: string): void {
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== textBytes) {
    throw new DatasetError(ds, 'format', `offsets of "${name}" must start at 0 and end at the text size (${textBytes}).`, path);
  }
  for (let i = 1; i < offsets.length; i++) {
    if (offsets[i]! < offsets[i - 1]!) throw new DatasetError(ds, 'format', `offsets of "${name}" decrease at entry ${i}.`, path);
  }
}
