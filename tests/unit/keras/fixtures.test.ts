/**
 * The real Keras files (tests/fixtures/keras, made by Keras 3.15): each `.keras` and
 * `.h5` must load into tfjs and reproduce Keras' own predictions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelFromArtifacts } from '../../../src/core/grading/model-io';
import { kerasFileToArtifacts } from '../../../src/core/keras';

const DIR = join(__dirname, '../../fixtures/keras');
const MODELS = ['dense-regression', 'cnn-classifier', 'rescaling-cnn-rgb', 'embedding-gap-text', 'bilstm-text', 'conv1d-lstm-series'];
/** Keras' README: about 1e-4 in float32; LSTM/GRU accumulate a little more. */
const TOLERANCE: Record<string, number> = { 'bilstm-text': 1e-3, 'conv1d-lstm-series': 1e-3 };

interface Expect {
  input_shape: number[];
  input: number[];
  output_shape: number[];
  output: number[];
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

export function readFixture(file: string) {
  return { name: file, bytes: new Uint8Array(readFileSync(join(DIR, file))) };
}

describe.each(MODELS.flatMap((m) => [[m, 'keras'], [m, 'h5']]))('%s.%s', (name, ext) => {
  it("reproduces Keras' predictions", async () => {
    const expected = JSON.parse(readFileSync(join(DIR, `${name}.expect.json`), 'utf8')) as Expect;
    const artifacts = await kerasFileToArtifacts(readFixture(`${name}.${ext}`));
    const model = await loadModelFromArtifacts(artifacts);
    try {
      const out = tf.tidy(() => model.predict(tf.tensor(expected.input, expected.input_shape)) as tf.Tensor);
      expect(out.shape).toEqual(expected.output_shape);
      const got = Array.from(await out.data());
      out.dispose();
      const worst = Math.max(...got.map((v, i) => Math.abs(v - expected.output[i])));
      expect(worst).toBeLessThan(TOLERANCE[name] ?? 1e-4);
    } finally {
      model.dispose();
    }
  });
});
