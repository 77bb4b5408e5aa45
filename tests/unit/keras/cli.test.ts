/**
 * Keras files through the `dojo` CLI: `grade` (the same grader as every model) and
 * `convert` (output that plain `tf.loadLayersModel` loads).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dojo } from '../../helpers/dojo-process';

const FIX = 'tests/fixtures/keras';


beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('dojo grade with Keras files', () => {
  it('grades dense-regression (9 inputs, 1 linear output) on auto-mpg for real, the same from .keras and .h5', async () => {
    const [k, h] = await Promise.all([
      dojo('grade', 'auto-mpg', `${FIX}/dense-regression.keras`, '--json', '--backend', 'cpu'),
      dojo('grade', 'auto-mpg', `${FIX}/dense-regression.h5`, '--json', '--backend', 'cpu'),
    ]);
    expect(k.code).toBe(0);
    expect(h.code).toBe(0);
    const fromKeras = JSON.parse(k.stdout);
    const fromH5 = JSON.parse(h.stdout);
    // The contract fits, so the metric is measured on the held-out split (it was fitted on random data: no points).
    expect(fromKeras.checks.every((c: { passed: boolean }) => c.passed)).toBe(true);
    expect(Number.isFinite(fromKeras.value)).toBe(true);
    expect(fromKeras.metric.name).toBe('mae');
    // Two containers, one model: the same weights give the same mark.
    expect(fromH5.value).toBeCloseTo(fromKeras.value, 5);
    expect(fromH5.points).toBe(fromKeras.points);
  });

  it('gives a Keras model that does not fit the drill the contract reasons, not a crash', async () => {
    const { code, stdout } = await dojo('grade', 'auto-mpg', `${FIX}/bilstm-text.h5`, '--json', '--backend', 'cpu');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.points).toBe(0);
    expect(report.checks.find((c: { id: string }) => c.id === 'input-shape')).toMatchObject({ passed: false });
    expect(report.reasons.join(' ')).toMatch(/\[null, 30\]|30/);
  });

  it('refuses a file that is not a Keras file with one line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dojo-keras-'));
    const fake = path.join(dir, 'model.keras');
    await import('node:fs').then((fs) => fs.writeFileSync(fake, 'print("hello")\n'));
    const { code, stderr } = await dojo('grade', 'auto-mpg', fake, '--backend', 'cpu');
    expect(code).not.toBe(0);
    const line = stderr.split('\n').filter((l) => l.startsWith('dojo')).join('\n');
    expect(line).toMatch(/neither a Keras 3 \.keras file \(a zip\) nor an HDF5 \.h5 file/);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack
  });
});

describe('dojo convert', () => {
  it.each(['conv1d-lstm-series.keras', 'bilstm-text.h5', 'cnn-classifier.keras'])(
    'writes a tfjs layers model from %s that plain tf.loadLayersModel loads and that predicts as Keras did',
    async (file) => {
      const out = mkdtempSync(path.join(tmpdir(), 'dojo-convert-'));
      const { code, stdout } = await dojo('convert', `${FIX}/${file}`, out);
      expect(code).toBe(0);
      expect(stdout).toMatch(/model\.json/);
      const json = JSON.parse(readFileSync(path.join(out, 'model.json'), 'utf8'));
      expect(json.format).toBe('layers-model');
      const [group] = json.weightsManifest;
      const weights = readFileSync(path.join(out, group.paths[0].replace(/^\.\//, '')));
      // Plain tfjs, none of the lab's code: the files alone must be enough.
      const model = await tf.loadLayersModel(
        tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: group.weights, weightData: new Uint8Array(weights).buffer }),
      );
      const expected = JSON.parse(readFileSync(`${FIX}/${file.replace(/\.(keras|h5)$/, '.expect.json')}`, 'utf8'));
      const got = (model.predict(tf.tensor(expected.input, expected.input_shape)) as tf.Tensor).dataSync();
      const worst = Math.max(...Array.from(got, (v, i) => Math.abs(v - expected.output[i])));
      expect(worst).toBeLessThan(1e-3);
      model.dispose();
    },
  );

  it("refuses, with the reason, a model whose GRU is Keras' default (reset_after=True), which plain tfjs cannot run", async () => {
    // A converter-style model.json in Keras 3's dialect: Input [3, 2] → GRU(2).
    const dir = mkdtempSync(path.join(tmpdir(), 'dojo-gru-'));
    const gru = { units: 2, activation: 'tanh', recurrent_activation: 'sigmoid', use_bias: true, reset_after: true, return_sequences: false, name: 'gru' };
    const modelJson = {
      format: 'layers-model',
      modelTopology: {
        keras_version: '3.15.1',
        model_config: {
          class_name: 'Sequential',
          config: {
            name: 'sequential',
            layers: [
              { class_name: 'InputLayer', config: { batch_shape: [null, 3, 2], dtype: 'float32', name: 'input_layer' } },
              { class_name: 'GRU', config: { ...gru, dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' } } } },
            ],
          },
        },
      },
      weightsManifest: [
        {
          paths: ['w.bin'],
          weights: [
            { name: 'sequential/gru/gru_cell/kernel', shape: [2, 6], dtype: 'float32' },
            { name: 'sequential/gru/gru_cell/recurrent_kernel', shape: [2, 6], dtype: 'float32' },
            { name: 'sequential/gru/gru_cell/bias', shape: [2, 6], dtype: 'float32' },
          ],
        },
      ],
    };
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'model.json'), JSON.stringify(modelJson));
    writeFileSync(path.join(dir, 'w.bin'), new Uint8Array(36 * 4));
    const converted = await dojo('convert', path.join(dir, 'model.json'), path.join(dir, 'out'));
    expect(converted.code).not.toBe(0);
    expect(converted.stderr).toMatch(/GRU with reset_after=True.*dojo grade/);
    // The grader itself runs it.
    const graded = await dojo('grade', 'auto-mpg', path.join(dir, 'model.json'), '--json', '--backend', 'cpu');
    expect(graded.code).toBe(0);
    expect(JSON.parse(graded.stdout).checks.find((c: { id: string }) => c.id === 'input-shape')).toMatchObject({ passed: false });
  });

  it('says what to do when the arguments are missing', async () => {
    const { code, stderr } = await dojo('convert', `${FIX}/dense-regression.keras`);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/Usage: dojo convert/);
  });
});
