/**
 * Broken or unsupported Keras files get one line naming what is wrong and where, never
 * a stack. Built from the real fixtures by cutting or editing them (fflate re-zips).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ModelFileError, loadModelFromArtifacts } from '../../../src/core/grading/model-io';
import { kerasFileToArtifacts } from '../../../src/core/keras';

const DIR = join(__dirname, '../../fixtures/keras');
const bytesOf = (f: string) => new Uint8Array(readFileSync(join(DIR, f)));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The .keras fixture with its config.json edited (or entries dropped). */
/* eslint-disable @typescript-eslint/no-explicit-any -- Keras configs are edited at any key and depth, case by case */
function editedKeras(file: string, edit: (config: any) => void, drop: string[] = []): Uint8Array {
  const entries = unzipSync(bytesOf(file));
  const config = JSON.parse(new TextDecoder().decode(entries['config.json']));
  edit(config);
  entries['config.json'] = new TextEncoder().encode(JSON.stringify(config));
  for (const d of drop) delete entries[d];
  return zipSync(entries);
}

/** Loads the file as the grader would; resolves to the one-line message it fails with. */
async function failure(name: string, bytes: Uint8Array): Promise<string> {
  try {
    const model = await loadModelFromArtifacts(await kerasFileToArtifacts({ name, bytes }));
    model.dispose();
  } catch (e) {
    expect(e).toBeInstanceOf(ModelFileError);
    const message = (e as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    return message;
  }
  throw new Error(`${name} loaded, but it should have failed`);
}

const layerOf = (config: any, name: string) => config.config.layers.find((l: any) => l.config.name === name);
/* eslint-enable @typescript-eslint/no-explicit-any */

describe('broken Keras files', () => {
  it('a file that is neither zip nor HDF5', async () => {
    expect(await failure('model.keras', new TextEncoder().encode('{"not": "keras"}'))).toMatch(/neither a Keras 3 \.keras file \(a zip\) nor an HDF5 \.h5 file/);
  });

  it('an empty file', async () => {
    expect(await failure('model.h5', new Uint8Array(0))).toMatch(/is empty/);
  });

  it('a truncated .keras', async () => {
    const whole = bytesOf('dense-regression.keras');
    expect(await failure('dense-regression.keras', whole.subarray(0, whole.length / 2))).toMatch(/damaged zip.*truncated/);
  });

  it('a truncated .h5', async () => {
    const whole = bytesOf('cnn-classifier.h5');
    // Cut after the layers' weights: everything a reader asks for is there, but the header's length is not.
    expect(await failure('cnn-classifier.h5', whole.subarray(0, 300_000))).toMatch(/'cnn-classifier\.h5' is truncated: its header says 731,968 bytes but it holds 300,000/);
    expect(await failure('cnn-classifier.h5', whole.subarray(0, 3_000))).toMatch(/truncated/);
  });

  it('a small .keras that would unpack to more than a model.json can be, refused before inflating', async () => {
    const bomb = zipSync({ 'config.json': new Uint8Array(40 * 1024 * 1024).fill(32), 'model.weights.h5': new Uint8Array(8) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await failure('bomb.keras', bomb)).toBe("'bomb.keras' holds a config.json larger than any model this lab reads; it is not a model for an exam task.");
  });

  it('a .keras without config.json', async () => {
    expect(await failure('x.keras', editedKeras('dense-regression.keras', () => {}, ['config.json']))).toMatch(/without config\.json/);
  });

  it('a .keras without model.weights.h5', async () => {
    expect(await failure('x.keras', editedKeras('dense-regression.keras', () => {}, ['model.weights.h5']))).toMatch(/no model\.weights\.h5/);
  });

  it('a config.json that is not JSON', async () => {
    const entries = unzipSync(bytesOf('dense-regression.keras'));
    entries['config.json'] = new TextEncoder().encode('{"class_name": "Sequential", ');
    expect(await failure('x.keras', zipSync(entries))).toMatch(/config\.json in 'x\.keras' is not valid JSON/);
  });

  it('weights from another model (a layer missing from the weights)', async () => {
    const entries = unzipSync(bytesOf('dense-regression.keras'));
    entries['model.weights.h5'] = unzipSync(bytesOf('embedding-gap-text.keras'))['model.weights.h5'];
    expect(await failure('x.keras', zipSync(entries))).toMatch(/layer 'dense_(\d)'.*do not belong to this config|has \d weights? in the file but its config needs/);
  });

  it('weights whose shapes do not fit the config', async () => {
    const bytes = editedKeras('dense-regression.keras', (c) => (layerOf(c, 'dense_1').config.units = 32));
    expect(await failure('x.keras', bytes)).toMatch(/dense_1|shape/i);
  });

  it('a layer without its bias in the config (weight count differs)', async () => {
    const bytes = editedKeras('dense-regression.keras', (c) => (layerOf(c, 'dense_1').config.use_bias = false));
    expect(await failure('x.keras', bytes)).toMatch(/Layer 'dense_1' \(Dense\) has 2 weights in the file but its config needs 1/);
  });

  it('an option from a newer Keras', async () => {
    const bytes = editedKeras('dense-regression.keras', (c) => (layerOf(c, 'dense_1').config.sparsity = 0.5));
    expect(await failure('x.keras', bytes)).toMatch(/Layer 'dense_1' \(Dense, layer 3\): option sparsity=0\.5 is unknown to this importer/);
  });

  it('a newer option left at null is read (Keras adds opt-in options as null)', async () => {
    const bytes = editedKeras('dense-regression.keras', (c) => (layerOf(c, 'dense_1').config.sparsity = null));
    const model = await loadModelFromArtifacts(await kerasFileToArtifacts({ name: 'x.keras', bytes }));
    expect(model.outputs[0].shape).toEqual([null, 1]);
    model.dispose();
  });

  it('huge declared shapes', async () => {
    const wide = editedKeras('dense-regression.keras', (c) => (layerOf(c, 'dense_1').config.units = 1e12));
    expect(await failure('x.keras', wide)).toMatch(/declares a size of 1000000000000/);
    const input = editedKeras('dense-regression.keras', (c) => (c.config.layers[0].config.batch_shape = [null, 5e9]));
    expect(await failure('x.keras', input)).toMatch(/declares a size of 5000000000/);
  });

  it('a Lambda layer, refused with the exam’s reason', async () => {
    const bytes = editedKeras('dense-regression.keras', (c) =>
      c.config.layers.splice(2, 0, { module: 'keras.layers', class_name: 'Lambda', config: { name: 'scale', function: { class_name: '__lambda__' } } }),
    );
    expect(await failure('x.keras', bytes)).toMatch(/Layer 'scale' \(Lambda, layer 3\): a Lambda layer holds Python code.*exam/);
  });

  it('a layer tfjs has no equivalent for, named with its place', async () => {
    const bytes = editedKeras('dense-regression.keras', (c) =>
      c.config.layers.splice(2, 0, { module: 'keras.layers', class_name: 'UnitNormalization', config: { name: 'unit_norm', axis: -1 } }),
    );
    expect(await failure('x.keras', bytes)).toMatch(/Layer 'unit_norm' \(UnitNormalization, layer 3\): the layer has no TensorFlow\.js equivalent/);
  });

  it('a subclassed model', async () => {
    const bytes = editedKeras('dense-regression.keras', (c) => (c.class_name = 'MyModel'));
    expect(await failure('x.keras', bytes)).toMatch(/subclassed model \(MyModel\)/);
  });

  it('an activation whose meaning differs between Keras 3 and tfjs', async () => {
    const bytes = editedKeras('dense-regression.keras', (c) => (layerOf(c, 'dense_1').config.activation = 'hard_sigmoid'));
    expect(await failure('x.keras', bytes)).toMatch(/activation "hard_sigmoid" is not available/);
  });
});
