/**
 * The shipped pretrained base: its files match its manifest, it loads through the lab
 * as a fresh model each call, a damaged or unknown base says so in one line, and the
 * run pipeline (CLI and data worker alike) hands it to `lab.pretrained`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { MODELS_DIR, readPretrained } from '../../../src/cli/models/files';
import { createLab } from '../../../src/core/lab/create';
import { parsePretrained, type PretrainedManifest } from '../../../src/core/lab/pretrained';
import type { DrillMeta } from '../../../src/core/drill';
import { modelsUrlBeside } from '../../../src/runner/pretrained-data';
import { emojiBaseRows } from '../../../src/cli/models/emoji-base';
import { fsSource } from '../../../src/cli/datasets/fs-source';
import { DATASETS_DIR } from '../../../src/cli/paths';
import { loadDataset } from '../../../src/core/datasets';
import { rangeOf } from '../../../src/core/drill-kit';
import { imagesOf, stringsOf } from '../../../src/core/drill-kit-extra';
import transferDrill from '../../../exercises/emoji-transfer/drill';

const manifest = JSON.parse(readFileSync(path.join(MODELS_DIR, 'emoji-base', 'manifest.json'), 'utf8')) as PretrainedManifest;
const drill = { id: 't', classNames: [] } as unknown as DrillMeta;
const emptySplits = { train: { kind: 'series', values: new Float32Array(0), channels: 1 }, validation: { kind: 'series', values: new Float32Array(0), channels: 1 } } as const;

function labWith(pretrained = [readPretrained('emoji-base')]) {
  return createLab({ tf, drill, splits: { ...emptySplits, pretrained }, backend: 'cpu', seed: 1, log: () => {} });
}

describe('emoji-base', () => {
  it('has the files, sizes and sha256 its manifest gives, and stays small', () => {
    for (const f of manifest.files) {
      const bytes = readFileSync(path.join(MODELS_DIR, 'emoji-base', f.path));
      expect(bytes.byteLength, f.path).toBe(f.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), f.path).toBe(f.sha256);
    }
    expect(manifest.files.reduce((n, f) => n + f.bytes, 0)).toBeLessThan(1_000_000);
    expect(manifest.licence).toMatch(/Apache-2.0/);
    expect(manifest.rebuild).toContain('models build emoji-base');
  });

  it('loads through lab.pretrained as a new model each call, with the manifest\'s shapes and weights', async () => {
    const lab = labWith();
    const a = await lab.pretrained('emoji-base');
    const b = await lab.pretrained('emoji-base');
    expect(a).not.toBe(b);
    expect(a.inputs[0]!.shape).toEqual([null, ...manifest.inputShape]);
    expect(a.outputs[0]!.shape).toEqual([null, ...manifest.outputShape]);
    expect(a.countParams()).toBe(manifest.params);
    // Freezing or training one copy leaves the other's weights alone.
    a.getLayer('block3_conv').setWeights(a.getLayer('block3_conv').getWeights().map((w) => tf.zerosLike(w)));
    const kernel = b.getLayer('block3_conv').getWeights()[0]!;
    expect(tf.abs(kernel).sum().dataSync()[0]).toBeGreaterThan(0);
    // The stored weights, not fresh initialisers: two loads compute the same features.
    const x = tf.randomUniform([2, 32, 32, 3], 0, 1, 'float32', 7);
    const c = await lab.pretrained('emoji-base');
    expect(Array.from((c.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from((b.predict(x) as tf.Tensor).dataSync()));
  });

  it('says which bases a drill ships when the name is wrong', async () => {
    await expect(labWith().pretrained('mobilenet')).rejects.toThrow(/no such pretrained model\. This drill ships 'emoji-base'/);
    await expect(labWith([]).pretrained('emoji-base')).rejects.toThrow(/This drill ships no pretrained model/);
  });

  it('refuses a weights file of the wrong size in one line', () => {
    const base = readPretrained('emoji-base');
    const json = JSON.parse(readFileSync(path.join(MODELS_DIR, 'emoji-base', 'model.json'), 'utf8'));
    expect(() => parsePretrained('emoji-base', json, base.weightBytes.slice(0, 100))).toThrow(/damaged: its weights file has 100 bytes, its model.json expects \d+/);
    expect(() => parsePretrained('x', { nothing: 1 }, base.weightBytes)).toThrow(/no topology/);
  });

  it('is found beside the datasets in the app (public/models next to public/datasets)', () => {
    expect(modelsUrlBeside('https://example.org/app/datasets/')).toBe('https://example.org/app/models/');
  });

  it('was trained on data disjoint from the drill that uses it: no drawing of the drill, no test-split emoji', async () => {
    const dataset = await loadDataset(fsSource(DATASETS_DIR), 'emoji-categories');
    const rows = emojiBaseRows(dataset);
    expect(rows.length).toBe(manifest.trainedOn.count);
    const images = imagesOf(dataset, 'images');
    const baseImages = new Set(rows.map((r) => images[r]));
    const splits = transferDrill.splits(dataset);
    for (const name of ['train', 'validation', 'test'] as const) {
      expect(splits[name].images.filter((im) => baseImages.has(im)), name).toEqual([]);
    }
    const names = stringsOf(dataset, 'names');
    const [testStart, testEnd] = rangeOf(dataset, 'test');
    const testEmoji = new Set(names.slice(testStart, testEnd));
    expect(rows.filter((r) => testEmoji.has(names[r]!))).toEqual([]);
  });
});
