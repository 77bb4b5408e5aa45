/**
 * Builds small datasets in memory for decoder tests: a manifest whose checksums and
 * sizes match the supplied bytes, exactly as the real build writes them.
 */
import { gzipSync } from 'node:zlib';
import type { RawImage } from '../../../src/core/data';
import { sha256Hex, typedToLE } from '../../../src/core/datasets/bytes';
import type { ArrayEntry, DatasetFile, DatasetManifest, NumericArray } from '../../../src/core/datasets/types';

export interface Synth {
  manifest: DatasetManifest;
  files: Record<string, Uint8Array>;
}

type Pending = { path: string; raw: Uint8Array; gzip: boolean };

export class SynthBuilder {
  private pending: Pending[] = [];
  readonly arrays: ArrayEntry[] = [];
  readonly strings: DatasetManifest['strings'] = [];
  readonly images: DatasetManifest['images'] = [];
  meta: Record<string, unknown> = {};

  constructor(readonly name = 'synth') {}

  file(path: string, raw: Uint8Array, gzip = false): string {
    this.pending.push({ path, raw, gzip });
    return path;
  }

  array(name: string, dtype: ArrayEntry['dtype'], values: NumericArray, shape: number[], gzip = false): this {
    this.arrays.push({ name, dtype, shape, file: this.file(`${name}.bin`, typedToLE(values).slice(), gzip) });
    return this;
  }

  stringList(name: string, texts: string[], gzip = false): this {
    const enc = texts.map((t) => new TextEncoder().encode(t));
    const offsets = new Uint32Array(texts.length + 1);
    enc.forEach((b, i) => (offsets[i + 1] = offsets[i]! + b.length));
    const all = new Uint8Array(offsets[texts.length]!);
    enc.forEach((b, i) => all.set(b, offsets[i]!));
    this.strings.push({
      name,
      file: this.file(`${name}.utf8`, all, gzip),
      offsetsFile: this.file(`${name}.off`, typedToLE(offsets).slice(), gzip),
      count: texts.length,
    });
    return this;
  }

  imageList(name: string, images: RawImage[], gzip = false): this {
    const index = new Uint32Array(images.length * 3);
    const all = new Uint8Array(images.reduce((n, im) => n + im.pixels.length, 0));
    let at = 0;
    images.forEach((im, i) => {
      index.set([at, im.width, im.height], i * 3);
      all.set(im.pixels, at);
      at += im.pixels.length;
    });
    this.images.push({
      name,
      file: this.file(`${name}.rgb`, all, gzip),
      indexFile: this.file(`${name}.idx`, typedToLE(index).slice(), gzip),
      count: images.length,
      channels: 3,
    });
    return this;
  }

  async build(): Promise<Synth> {
    const files: Record<string, Uint8Array> = {};
    const records: DatasetFile[] = [];
    for (const p of this.pending) {
      const stored = p.gzip ? new Uint8Array(gzipSync(p.raw, { level: 9 })) : p.raw;
      files[p.path] = stored;
      const rec: DatasetFile = { path: p.path, sha256: await sha256Hex(stored), bytes: stored.length };
      if (p.gzip) rec.gzip = true;
      records.push(rec);
    }
    const manifest: DatasetManifest = {
      name: this.name,
      title: 'Synthetic',
      description: 'made in a test',
      source: { package: 'none', version: '0.0.0' },
      licence: 'CC0-1.0',
      build: 'by hand',
      files: records,
      arrays: this.arrays,
      strings: this.strings,
      images: this.images,
      meta: this.meta,
    };
    return { manifest, files };
  }
}

/** A deterministic image whose bytes depend on size and a tag, so mix-ups show. */
export function testImage(width: number, height: number, tag: number): RawImage {
  const pixels = new Uint8Array(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 31 + tag * 17 + width) & 0xff;
  return { width, height, pixels };
}
