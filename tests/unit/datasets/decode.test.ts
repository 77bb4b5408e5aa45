import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { sha256Hex, typedFromLE } from '../../../src/core/datasets/bytes';
import { decodeDataset } from '../../../src/core/datasets/decode';
import { DatasetError } from '../../../src/core/datasets/errors';
import type { ArrayEntry, NumericArray } from '../../../src/core/datasets/types';
import { SynthBuilder, testImage, type Synth } from './synth';

const SAMPLES: Record<ArrayEntry['dtype'], NumericArray> = {
  uint8: Uint8Array.from([0, 1, 127, 128, 255, 42]),
  uint16: Uint16Array.from([0, 1, 256, 65535, 4660, 7]),
  int32: Int32Array.from([0, -1, 2147483647, -2147483648, 123456, -7]),
  uint32: Uint32Array.from([0, 1, 4294967295, 65536, 305419896, 9]),
  float32: Float32Array.from([0, -0.5, 3.4e38, -1e-30, Number.NaN, Number.POSITIVE_INFINITY]),
  float64: Float64Array.from([0, -0.1, Math.PI, 1e300, Number.NaN, -5e-324]),
};

function sameValues(a: NumericArray, b: NumericArray): boolean {
  return a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));
}

async function expectProblem(p: Promise<unknown>, problem: string, file: string): Promise<DatasetError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DatasetError);
  const de = err as DatasetError;
  expect(de.problem).toBe(problem);
  expect(de.file).toBe(file);
  expect(de.message).toContain('"synth"');
  expect(de.message).toContain(`"${file}"`);
  return de;
}

/** Replaces a stored file and (optionally) fixes its manifest record so only the later checks can catch it. */
async function replace(s: Synth, path: string, bytes: Uint8Array, fixRecord: boolean): Promise<Synth> {
  const files = { ...s.files, [path]: bytes };
  const manifest = structuredClone(s.manifest);
  if (fixRecord) {
    const rec = manifest.files.find((f) => f.path === path)!;
    rec.bytes = bytes.length;
    rec.sha256 = await sha256Hex(bytes);
  }
  return { manifest, files };
}

describe('decodeDataset round trip', () => {
  for (const gzip of [false, true]) {
    for (const dtype of Object.keys(SAMPLES) as ArrayEntry['dtype'][]) {
      it(`${dtype} ${gzip ? 'gzipped' : 'plain'}`, async () => {
        const values = SAMPLES[dtype];
        const s = await new SynthBuilder().array('a', dtype, values, [2, 3], gzip).build();
        const d = await decodeDataset(s.manifest, s.files);
        expect(d.arrays.a!.dtype).toBe(dtype);
        expect(d.arrays.a!.shape).toEqual([2, 3]);
        expect(d.arrays.a!.values.constructor).toBe(values.constructor);
        expect(sameValues(d.arrays.a!.values, values)).toBe(true);
      });
    }
  }

  it('decodes strings, including empty and non-ASCII ones', async () => {
    const texts = ['hello', '', 'naïve café', '日本語 🎌', 'line\nbreak'];
    for (const gzip of [false, true]) {
      const s = await new SynthBuilder().stringList('t', texts, gzip).build();
      const d = await decodeDataset(s.manifest, s.files);
      expect(d.strings.t).toEqual(texts);
    }
  });

  it('decodes images of different sizes, each with its own buffer', async () => {
    const ims = [testImage(3, 2, 1), testImage(1, 1, 2), testImage(5, 4, 3)];
    const s = await new SynthBuilder().imageList('im', ims, true).build();
    const d = await decodeDataset(s.manifest, s.files);
    const out = d.images.im!;
    expect(out.map((i) => [i.width, i.height])).toEqual([
      [3, 2],
      [1, 1],
      [5, 4],
    ]);
    out.forEach((im, i) => expect(Array.from(im.pixels)).toEqual(Array.from(ims[i]!.pixels)));
    // Separate buffers so one image can be transferred to a worker without detaching the others.
    expect(new Set(out.map((i) => i.pixels.buffer)).size).toBe(3);
    expect(out[0]!.pixels.byteOffset).toBe(0);
  });

  it('joins sharded arrays in order', async () => {
    const b = new SynthBuilder();
    const whole = Float32Array.from({ length: 12 }, (_, i) => i * 1.5);
    b.file('p0.bin', new Uint8Array(whole.buffer, 0, 16).slice());
    b.file('p1.bin', new Uint8Array(whole.buffer, 16, 20).slice(), true);
    b.file('p2.bin', new Uint8Array(whole.buffer, 36, 12).slice());
    b.arrays.push({ name: 'x', file: 'p0.bin', parts: ['p0.bin', 'p1.bin', 'p2.bin'], dtype: 'float32', shape: [4, 3] });
    const s = await b.build();
    const d = await decodeDataset(s.manifest, s.files);
    expect(Array.from(d.arrays.x!.values)).toEqual(Array.from(whole));
  });

  it('reads files whose bytes start at an unaligned offset', async () => {
    const values = Float64Array.from([1.25, -2.5, 1e-10]);
    const s = await new SynthBuilder().array('a', 'float64', values, [3]).build();
    const stored = s.files['a.bin']!;
    const host = new Uint8Array(stored.length + 3);
    host.set(stored, 3);
    const d = await decodeDataset(s.manifest, { 'a.bin': host.subarray(3) });
    expect(Array.from(d.arrays.a!.values)).toEqual(Array.from(values));
  });

  it('typedFromLE copies only when unaligned, views otherwise', () => {
    const le = new Uint8Array(9);
    new DataView(le.buffer).setFloat32(1, 6.5, true);
    new DataView(le.buffer).setFloat32(5, -1, true);
    const unaligned = typedFromLE('float32', le.subarray(1, 9));
    expect(Array.from(unaligned)).toEqual([6.5, -1]);
    expect(unaligned.buffer).not.toBe(le.buffer);
    const aligned = typedFromLE('float32', le.slice(1, 9));
    expect(Array.from(aligned)).toEqual([6.5, -1]);
  });
});

describe('decodeDataset failures', () => {
  const base = () => new SynthBuilder().array('a', 'int32', Int32Array.from([1, 2, 3, 4]), [4], true).build();

  it('reports a checksum mismatch', async () => {
    const s = await base();
    const bad = s.files['a.bin']!.slice();
    bad[bad.length - 5]! ^= 0xff;
    const e = await expectProblem(decodeDataset(s.manifest, { 'a.bin': bad }), 'checksum', 'a.bin');
    expect(e.message).toMatch(/checksum mismatch/);
  });

  it('reports a truncated file', async () => {
    const s = await base();
    const e = await expectProblem(decodeDataset(s.manifest, { 'a.bin': s.files['a.bin']!.subarray(0, 10) }), 'truncated', 'a.bin');
    expect(e.message).toMatch(/truncated: got 10 bytes/);
  });

  it('reports a file larger than the manifest says', async () => {
    const s = await base();
    const longer = new Uint8Array(s.files['a.bin']!.length + 1);
    longer.set(s.files['a.bin']!);
    await expectProblem(decodeDataset(s.manifest, { 'a.bin': longer }), 'size', 'a.bin');
  });

  it('reports a missing file', async () => {
    const s = await base();
    await expectProblem(decodeDataset(s.manifest, {}), 'missing', 'a.bin');
  });

  it('reports gzip data that is cut off even when the checksum matches', async () => {
    const s = await base();
    const cut = s.files['a.bin']!.slice(0, s.files['a.bin']!.length - 6);
    const r = await replace(s, 'a.bin', cut, true);
    await expectProblem(decodeDataset(r.manifest, r.files), 'gzip', 'a.bin');
  });

  it('reports a file marked gzip that is not gzip', async () => {
    const s = await new SynthBuilder().array('a', 'uint8', Uint8Array.from([1, 2, 3]), [3]).build();
    s.manifest.files[0]!.gzip = true;
    await expectProblem(decodeDataset(s.manifest, s.files), 'gzip', 'a.bin');
  });

  it('reports a length that does not fit the shape', async () => {
    const s = await base();
    s.manifest.arrays[0]!.shape = [5];
    const e = await expectProblem(decodeDataset(s.manifest, s.files), 'shape', 'a.bin');
    expect(e.message).toContain('[5]');
  });

  it('reports string offsets that overrun the text', async () => {
    const s = await new SynthBuilder().stringList('t', ['ab', 'cd']).build();
    const r = await replace(s, 't.off', new Uint8Array(Uint32Array.from([0, 2, 9]).buffer), true);
    await expectProblem(decodeDataset(r.manifest, r.files), 'format', 't.off');
  });

  it('reports invalid UTF-8', async () => {
    const s = await new SynthBuilder().stringList('t', ['ab']).build();
    const r = await replace(s, 't.utf8', Uint8Array.from([0x61, 0xff]), true);
    await expectProblem(decodeDataset(r.manifest, r.files), 'format', 't.utf8');
  });

  it('reports an image index that points outside the pixels', async () => {
    const s = await new SynthBuilder().imageList('im', [testImage(2, 2, 0)]).build();
    const r = await replace(s, 'im.idx', new Uint8Array(Uint32Array.from([0, 3, 3]).buffer), true);
    const e = await expectProblem(decodeDataset(r.manifest, r.files), 'format', 'im.idx');
    expect(e.message).toContain('3×3');
  });

  it('accepts what it rejects once the bytes are right again', async () => {
    const s = await base();
    const again = new Uint8Array(gzipSync(new Uint8Array(Int32Array.from([1, 2, 3, 4]).buffer), { level: 9 }));
    const r = await replace(s, 'a.bin', again, true);
    const d = await decodeDataset(r.manifest, r.files);
    expect(Array.from(d.arrays.a!.values)).toEqual([1, 2, 3, 4]);
  });
});
