import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDatasets, inspectDatasets } from '../../../src/cli/datasets/check';
import { fsSource } from '../../../src/cli/datasets/fs-source';
import { mulberry32, permutation, splitRanges } from '../../../src/cli/datasets/prng';
import { downscaleToFit, rgbaOverWhite } from '../../../src/cli/datasets/raster';
import { clip, decodeEncodedWords, emailToText, htmlToText } from '../../../src/cli/datasets/sources/email';
import { DatasetWriter } from '../../../src/cli/datasets/writer';
import { loadDataset } from '../../../src/core/datasets/load';
import { testImage } from './synth';

describe('prng', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = Array.from({ length: 5 }, mulberry32(7));
    expect(Array.from({ length: 5 }, mulberry32(7))).toEqual(a);
    expect(Array.from({ length: 5 }, mulberry32(8))).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('permutation is a shuffle of 0..n-1', () => {
    const p = permutation(1000, 3);
    expect(Array.from(p).sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(Array.from(p.slice(0, 10))).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(permutation(1000, 3))).toEqual(Array.from(p));
  });

  it('splitRanges tiles the rows', () => {
    expect(splitRanges(392, 0.15, 0.15)).toEqual({ train: [0, 274], validation: [274, 333], test: [333, 392] });
    expect(splitRanges(10, 0.1, 0.2)).toEqual({ train: [0, 7], validation: [7, 8], test: [8, 10] });
  });
});

describe('DatasetWriter + checkDatasets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dojo-build-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function write(name: string, rows: number): void {
    const w = new DatasetWriter(dir, name);
    w.addArray('x', Float32Array.from({ length: rows * 2 }, (_, i) => i / 3), [rows, 2]);
    w.addArray('zeros', new Int32Array(rows * 100), [rows, 100]); // compresses: stored gzipped
    w.addArray('noise', Uint8Array.from({ length: rows }, mulberry32(1)).map((v) => v), [rows]);
    w.addStrings('s', Array.from({ length: rows }, (_, i) => `row ${i} ✓`));
    w.addImages('im', Array.from({ length: rows }, (_, i) => testImage(1 + (i % 3), 2, i)));
    w.finish({
      name,
      title: 't',
      description: 'd',
      source: { package: 'p', version: '1' },
      licence: 'CC0-1.0',
      build: 'test',
      meta: { splits: splitRanges(rows, 0.2, 0.2) },
    });
  }

  it('writes a dataset the core decoder reads back', async () => {
    write('alpha', 10);
    const d = await loadDataset(fsSource(dir), 'alpha');
    expect(d.arrays.x!.values[5]).toBeCloseTo(5 / 3, 6);
    expect(d.strings.s![9]).toBe('row 9 ✓');
    expect(d.images.im![4]!.width).toBe(2);
    const zeros = d.manifest.files.find((f) => f.path.startsWith('zeros'))!;
    expect(zeros.gzip).toBe(true);
    expect(zeros.path).toBe('zeros.i32.gz.bin');
    // Random bytes do not compress by 10%: stored plain.
    expect(d.manifest.files.find((f) => f.path.startsWith('noise'))!.gzip).toBeUndefined();
  });

  it('writes the same bytes every time', () => {
    write('alpha', 10);
    const first = readdirSync(join(dir, 'alpha')).map((f) => readFileSync(join(dir, 'alpha', f)).toString('base64'));
    write('alpha', 10);
    const second = readdirSync(join(dir, 'alpha')).map((f) => readFileSync(join(dir, 'alpha', f)).toString('base64'));
    expect(second).toEqual(first);
  });

  it('finds no problem in good datasets and reports damaged ones', async () => {
    write('alpha', 10);
    write('beta', 20);
    expect(await checkDatasets(dir)).toEqual([]);
    const ok = await inspectDatasets(dir);
    expect(ok.problems).toEqual([]);
    expect(ok.datasets.map((d) => d.name)).toEqual(['alpha', 'beta']);
    expect(ok.totalBytes).toBeGreaterThan(0);

    const file = join(dir, 'beta', 'x.f32.gz.bin');
    const bytes = readFileSync(file);
    bytes[bytes.length - 3]! ^= 1;
    writeFileSync(file, bytes);
    writeFileSync(join(dir, 'alpha', 'stray.bin'), 'x');
    const bad = await checkDatasets(dir);
    expect(bad).toHaveLength(2);
    expect(bad).toContainEqual(expect.objectContaining({ dataset: 'alpha', file: 'stray.bin' }));
    expect(bad).toContainEqual(expect.objectContaining({ dataset: 'beta', file: 'x.f32.gz.bin', message: expect.stringMatching(/checksum/) }));
  });

  it('reports splits that do not cover the rows', async () => {
    write('gamma', 10);
    const path = join(dir, 'gamma', 'manifest.json');
    const m = JSON.parse(readFileSync(path, 'utf8'));
    m.meta.splits.test = [8, 9];
    writeFileSync(path, JSON.stringify(m));
    const r = await checkDatasets(dir, ['gamma']);
    expect(r).toEqual([expect.objectContaining({ dataset: 'gamma', message: expect.stringMatching(/do not tile the 10 rows/) })]);
  });

  it('shards large arrays under the file limit', async () => {
    const w = new DatasetWriter(dir, 'big');
    const rows = 4500;
    const values = new Float32Array(rows * 1000).map((_, i) => i % 977); // 18 MB raw
    w.addArray('v', values, [rows, 1000], 'never');
    const m = w.finish({ name: 'big', title: 't', description: 'd', source: { package: 'p', version: '1' }, licence: 'x', build: 'b', meta: {} });
    const entry = m.arrays[0]!;
    expect(entry.parts!.length).toBe(2);
    expect(entry.file).toBe(entry.parts![0]);
    expect(Math.max(...m.files.map((f) => f.bytes))).toBeLessThanOrEqual(16 * 1024 * 1024);
    const d = await loadDataset(fsSource(dir), 'big');
    expect(d.arrays.v!.values.length).toBe(values.length);
    expect(d.arrays.v!.values[rows * 1000 - 1]).toBe(values[rows * 1000 - 1]);
  });
});

describe('email to text', () => {
  it('decodes quoted-printable, charsets and encoded-word subjects', () => {
    const raw = [
      'From: a@b',
      'Subject: =?iso-8859-1?Q?Caf=E9_menu?=',
      'Content-Type: text/plain; charset="iso-8859-1"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Un caf=E9 cr=E8me, soft=',
      'break here.',
    ].join('\n');
    expect(emailToText(raw, 2000).text).toBe('Café menu\n\nUn café crème, softbreak here.');
  });

  it('prefers text/plain parts of a multipart message and decodes base64', () => {
    const b64 = Buffer.from('Hello from base64 ✓', 'utf8').toString('base64');
    const raw = [
      'Subject: multi',
      'Content-Type: multipart/alternative; boundary="XX"',
      '',
      'preamble',
      '--XX',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      b64,
      '--XX',
      'Content-Type: text/html',
      '',
      '<p>HTML twin</p>',
      '--XX--',
    ].join('\n');
    const latin1 = Buffer.from(raw, 'utf8').toString('latin1');
    expect(emailToText(latin1, 2000).text).toBe('multi\n\nHello from base64 ✓');
  });

  it('strips HTML when there is no plain part', () => {
    const raw = 'Subject: hi\nContent-Type: text/html\n\n<html><style>p{x:1}</style><p>Buy&nbsp;now &amp; save</p><br>Click <a href="x">here</a></html>';
    expect(emailToText(raw, 2000).text).toBe('hi\n\nBuy now & save\nClick here');
    expect(htmlToText('&#65;&#x42;')).toBe('AB');
  });

  it('cuts to the limit without splitting a surrogate pair', () => {
    expect(clip('ab😀', 3)).toBe('ab');
    expect(emailToText(`Subject: s\n\n${'x'.repeat(50)}`, 10).text).toBe('s\n\nxxxxxxx');
    expect(decodeEncodedWords('=?utf-8?B?w6k=?= =?utf-8?Q?t=C3=A9?=')).toBe('été');
  });
});

describe('raster', () => {
  it('composites alpha over white', () => {
    const rgba = Uint8Array.from([255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 255, 128]);
    expect(Array.from(rgbaOverWhite(rgba, 3, 1).pixels)).toEqual([255, 0, 0, 255, 255, 255, 127, 127, 255]);
  });

  it('area-downscales to the cap and leaves small images alone', () => {
    const img = { width: 4, height: 2, pixels: Uint8Array.from([0, 0, 0, 255, 255, 255, 10, 10, 10, 10, 10, 10, 0, 0, 0, 255, 255, 255, 10, 10, 10, 30, 30, 30]) };
    const small = downscaleToFit(img, 2);
    expect([small.width, small.height]).toEqual([2, 1]);
    expect(Array.from(small.pixels)).toEqual([128, 128, 128, 15, 15, 15]);
    expect(downscaleToFit(img, 4)).toBe(img);
  });
});
