/**
 * The Python converter's output for a Keras 3 model (tfjs issues #8328, #8358, #8489,
 * #8494). `tensorflowjs.converters.save_keras_model` writes the model's `.h5`
 * `model_config` as the topology, unchanged, and names each weight by the `.h5`
 * `weight_names` (`sequential_4/bidirectional/forward_lstm/lstm_cell/kernel`). The
 * test rebuilds exactly that from the real Keras 3 `.h5` fixtures, shows plain tfjs
 * refusing it, and the lab loading it with Keras' predictions.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactsFromFiles, artifactsToFiles, loadModelFromArtifacts } from '../../../src/core/grading/model-io';
import { openKerasFile, type H5Dataset, type H5Group } from '../../../src/core/keras/containers';
import { isKeras3Topology } from '../../../src/core/keras/converted';
import { dojo } from '../../helpers/dojo-process';

const FIX = path.join(__dirname, '../../fixtures/keras');

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** What the Python converter writes for a Keras 3 model saved as .h5. */
async function converterOutput(name: string): Promise<tf.io.ModelArtifacts> {
  const bytes = new Uint8Array(readFileSync(path.join(FIX, `${name}.h5`)));
  const raw = await openKerasFile(`${name}.h5`, bytes);
  const specs: tf.io.WeightsManifestEntry[] = [];
  const arrays: Float32Array[] = [];
  const layerNames = raw.weights.attrs.layer_names as string[];
  for (const layer of layerNames) {
    const group = raw.weights.get(layer) as H5Group;
    for (const weightName of group.attrs.weight_names as string[]) {
      let node: H5Group | H5Dataset | undefined = group;
      for (const part of weightName.split('/')) node = (node as H5Group).get(part);
      const d = node as H5Dataset;
      specs.push({ name: weightName, shape: d.shape, dtype: 'float32' });
      arrays.push(d.read());
    }
  }
  const all = new Float32Array(arrays.reduce((s, a) => s + a.length, 0));
  arrays.reduce((at, a) => (all.set(a, at), at + a.length), 0);
  return {
    format: 'layers-model',
    generatedBy: `keras v${raw.kerasVersion}`,
    convertedBy: 'TensorFlow.js Converter v4.22.0',
    modelTopology: { keras_version: raw.kerasVersion, backend: 'tensorflow', model_config: raw.config },
    weightSpecs: specs,
    weightData: all.buffer,
  };
}

function worstError(model: tf.LayersModel, name: string): number {
  const expected = JSON.parse(readFileSync(path.join(FIX, `${name}.expect.json`), 'utf8'));
  const got = (model.predict(tf.tensor(expected.input, expected.input_shape)) as tf.Tensor).dataSync();
  return Math.max(...Array.from(got, (v, i) => Math.abs(v - expected.output[i])));
}

describe("the Python converter's model.json of a Keras 3 model", () => {
  it('does not load in plain tfjs 4.22 (the bug learners hit)', async () => {
    const artifacts = await converterOutput('dense-regression');
    await expect(tf.loadLayersModel(tf.io.fromMemory(artifacts))).rejects.toThrow(/batchInputShape|inputShape/);
  });

  it.each(['dense-regression', 'cnn-classifier', 'bilstm-text', 'conv1d-lstm-series'])(
    '%s: uploaded as model.json + .bin, it loads in the grader and predicts as Keras did',
    async (name) => {
      const artifacts = await converterOutput(name);
      expect(isKeras3Topology(artifacts.modelTopology)).toBe(true);
      const uploaded = artifactsFromFiles(artifactsToFiles(artifacts, 'model'));
      const model = await loadModelFromArtifacts(uploaded);
      expect(worstError(model, name)).toBeLessThan(1e-3);
      model.dispose();
    },
  );

  it('is left alone when it is tfjs\' own dialect (a Keras 2 conversion)', () => {
    const json = JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/models/keras-converted-linear/model.json'), 'utf8'));
    expect(isKeras3Topology(json.modelTopology)).toBe(false);
  });

  it('dojo convert turns it into a model.json plain tfjs loads', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dojo-converted-'));
    for (const f of artifactsToFiles(await converterOutput('bilstm-text'), 'model')) writeFileSync(path.join(dir, f.name), f.bytes);
    const out = path.join(dir, 'fixed');
    expect((await dojo('convert', path.join(dir, 'model.json'), out)).code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(out, 'model.json'), 'utf8'));
    const bin = readFileSync(path.join(out, 'model.weights.bin'));
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: new Uint8Array(bin).buffer }),
    );
    expect(worstError(model, 'bilstm-text')).toBeLessThan(1e-3);
    model.dispose();
  });
});
