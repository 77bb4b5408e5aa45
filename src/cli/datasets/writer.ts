/**
 * Writes one dataset folder: binary files (gzipped when it pays, sharded when large)
 * and the manifest with sha256 and size of each. Output is byte-for-byte reproducible:
 * fixed gzip level, zero mtime in the gzip header, no timestamps anywhere.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RawImage } from '../../core/data';
import { typedToLE } from '../../core/datasets/bytes';
import type { ArrayEntry, DatasetFile, DatasetManifest, ImagesEntry, NumericArray, StringsEntry } from '../../core/datasets/types';

/** Every stored file stays under this (a limit of common static hosts and of git hygiene). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Raw bytes per shard before gzip; well under MAX_FILE_BYTES even if nothing compresses. */
const SHARD_BYTES = 16 * 1024 * 1024;
/** Keep gzip only if it saves at least this share of the bytes. */
const GZIP_MIN_SAVING = 0.1;

export type GzipMode = 'auto' | 'always' | 'never';

export type ManifestHead = Omit<DatasetManifest, 'files' | 'arrays' | 'strings' | 'images'>;

const DTYPE_TAG: Record<ArrayEntry['dtype'], string> = {
  uint8: 'u8',
  uint16: 'u16',
  int32: 'i32',
  uint32: 'u32',
  float32: 'f32',
  float64: 'f64',
};

export class DatasetWriter {
  readonly dir: string;
  private files: DatasetFile[] = [];
  private arrays: ArrayEntry[] = [];
  private strings: StringsEntry[] = [];
  private images: ImagesEntry[] = [];

  constructor(outDir: string, readonly name: string) {
    this.dir = join(outDir, name);
    // A fresh folder each build so no stale file from an older layout lingers.
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  /**
   * Stores bytes as `<base>.bin`, or `<base>.gz.bin` when gzipped. The `.bin` ending is on
   * purpose: servers that see `.gz` may add `Content-Encoding: gzip`, the browser then
   * unzips in transit and the checksum of the stored bytes no longer matches.
   */
  private store(base: string, raw: Uint8Array, gzip: GzipMode): string {
    let bytes = raw;
    let zipped = false;
    if (gzip !== 'never') {
      const z = new Uint8Array(gzipSync(raw, { level: 9, memLevel: 9 }));
      if (gzip === 'always' || z.length <= raw.length * (1 - GZIP_MIN_SAVING)) {
        bytes = z;
        zipped = true;
      }
    }
    if (bytes.length > MAX_FILE_BYTES) throw new Error(`${this.name}/${base}: ${bytes.length} bytes exceeds the per-file limit`);
    const path = `${base}${zipped ? '.gz' : ''}.bin`;
    writeFileSync(join(this.dir, path), bytes);
    const record: DatasetFile = { path, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
    if (zipped) record.gzip = true;
    this.files.push(record);
    return path;
  }

  addArray(name: string, values: NumericArray, shape: number[], gzip: GzipMode = 'auto'): void {
    const dtype = dtypeOf(values);
    const size = shape.reduce((a, b) => a * b, 1);
    if (size !== values.length) throw new Error(`${this.name}/${name}: shape [${shape}] needs ${size} values, got ${values.length}`);
    const raw = typedToLE(values);
    const base = `${name}.${DTYPE_TAG[dtype]}`;
    if (raw.length <= SHARD_BYTES) {
      this.arrays.push({ name, file: this.store(base, raw, gzip), dtype, shape });
      return;
    }
    // Shard on whole rows so each part is meaningful on its own when inspected.
    const rowBytes = raw.length / (shape[0] || 1);
    const rowsPerShard = Math.max(1, Math.floor(SHARD_BYTES / rowBytes));
    const parts: string[] = [];
    for (let r = 0, k = 0; r < shape[0]!; r += rowsPerShard, k++) {
      const chunk = raw.subarray(r * rowBytes, Math.min(shape[0]!, r + rowsPerShard) * rowBytes);
      parts.push(this.store(`${base}.part${k}`, chunk, gzip));
    }
    this.arrays.push({ name, file: parts[0]!, dtype, shape, parts });
  }

  addStrings(name: string, texts: readonly string[], gzip: GzipMode = 'auto'): void {
    const enc = new TextEncoder();
    const encoded = texts.map((t) => enc.encode(t));
    const offsets = new Uint32Array(texts.length + 1);
    encoded.forEach((b, i) => (offsets[i + 1] = offsets[i]! + b.length));
    const all = new Uint8Array(offsets[texts.length]!);
    encoded.forEach((b, i) => all.set(b, offsets[i]!));
    const file = this.store(`${name}.utf8`, all, gzip);
    const offsetsFile = this.store(`${name}.offsets.u32`, typedToLE(offsets), gzip);
    this.strings.push({ name, file, offsetsFile, count: texts.length });
  }

  addImages(name: string, images: readonly RawImage[], gzip: GzipMode = 'auto'): void {
    const total = images.reduce((n, im) => n + im.pixels.length, 0);
    const all = new Uint8Array(total);
    const index = new Uint32Array(images.length * 3);
    let at = 0;
    images.forEach((im, i) => {
      if (im.pixels.length !== im.width * im.height * 3) throw new Error(`${this.name}/${name}: image ${i} has wrong byte count`);
      all.set(im.pixels, at);
      index.set([at, im.width, im.height], i * 3);
      at += im.pixels.length;
    });
    const file = this.store(`${name}.rgb.u8`, all, gzip);
    const indexFile = this.store(`${name}.index.u32`, typedToLE(index), gzip);
    this.images.push({ name, file, indexFile, count: images.length, channels: 3 });
  }

  /** Writes manifest.json and returns the manifest. */
  finish(head: ManifestHead): DatasetManifest {
    const manifest: DatasetManifest = {
      ...head,
      name: this.name,
      files: this.files,
      arrays: this.arrays,
      strings: this.strings,
      images: this.images,
    };
    writeFileSync(join(this.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const stray = readdirSync(this.dir).filter((f) => f !== 'manifest.json' && !this.files.some((r) => r.path === f));
    if (stray.length > 0) throw new Error(`${this.name}: unexpected files ${stray.join(', ')}`);
    return manifest;
  }
}

function dtypeOf(values: NumericArray): ArrayEntry['dtype'] {
  if (values instanceof Uint8Array) return 'uint8';
  if (values instanceof Uint16Array) return 'uint16';
  if (values instanceof Int32Array) return 'int32';
  if (values instanceof Uint32Array) return 'uint32';
  if (values instanceof Float32Array) return 'float32';
  return 'float64';
}
