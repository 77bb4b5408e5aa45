import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ModelFileError,
  artifactsFromFiles,
  artifactsToFiles,
  loadModelFromArtifacts,
  modelToArtifacts,
  validateArtifacts,
  type ModelFile,
} from '../../../src/core/grading/model-io';
import { kerasModelJson } from '../../fixtures/models/make-fixtures';
import { linearModel } from './fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const jsonFile = (obj: unknown, name = 'model.json'): ModelFile => ({ name, bytes: enc(JSON.stringify(obj)) });
const floats = (...v: number[]): Uint8Array => new Uint8Array(Float32Array.from(v).buffer);

/** A converter-style model.json for y = 2x + 1.5 with its shard, to be broken case by case. */
/* eslint-disable @typescript-eslint/no-explicit-any -- the model.json is edited at any key and depth, case by case */
function kerasFiles(edit?: (json: Record<string, any>) => void, shard = floats(2, 1.5)): ModelFile[] {
  const json = kerasModelJson() as Record<string, any>;
  /* eslint-enable @typescript-eslint/no-explicit-any */
  edit?.(json);
  return [jsonFile(json), { name: 'group1-shard1of1.bin', bytes: shard }];
}

const kerasFilesArtifacts = () => artifactsFromFiles(kerasFiles());

function fileError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ModelFileError);
    return (e as Error).message;
  }
  throw new Error('expected a ModelFileError');
}

async function predict(model: tf.LayersModel, xs: number[][]): Promise<number[]> {
  const out = tf.tidy(() => model.predict(tf.tensor2d(xs)) as tf.Tensor);
  const v = Array.from(await out.data());
  out.dispose();
  return v;
}

describe('loading good models', () => {
  it('round-trips save → artifacts → files → artifacts → load with identical predictions', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [3], units: 5, activation: 'relu' }),
        tf.layers.batchNormalization(),
        tf.layers.dense({ units: 2, activation: 'softmax' }),
      ],
    });
    const xs = [[0.1, -2, 3], [1, 1, 1], [-0.5, 0.25, 8]];
    const before = await predict(model, xs);
    const artifacts = await modelToArtifacts(model);
    const files = artifactsToFiles(artifacts, 'my-model');
    expect(files.map((f) => f.name)).toEqual(['my-model.json', 'my-model.weights.bin']);
    const direct = await loadModelFromArtifacts(artifacts);
    const fromFiles = await loadModelFromArtifacts(artifactsFromFiles(files));
    expect(await predict(direct, xs)).toEqual(before);
    expect(await predict(fromFiles, xs)).toEqual(before);
    [model, direct, fromFiles].forEach((m) => m.dispose());
  });

  it('writes weights handed over in parts as one weights file, in order', () => {
    const artifacts = { ...kerasFilesArtifacts(), weightData: [floats(2).buffer, floats(1.5).buffer] as ArrayBuffer[] };
    const [, weights] = artifactsToFiles(artifacts, 'parts');
    expect(Array.from(new Float32Array(weights.bytes.buffer, weights.bytes.byteOffset, 2))).toEqual([2, 1.5]);
  });

  it('loads a model as tfjs-converter writes it from Keras', async () => {
    const model = await loadModelFromArtifacts(artifactsFromFiles(kerasFiles()));
    expect(await predict(model, [[0], [1], [-2]])).toEqual([1.5, 3.5, -2.5]);
    model.dispose();
  });

  it('matches shards by file name whatever folder the manifest names, and ignores extra files', async () => {
    const files = kerasFiles((j) => (j.weightsManifest[0].paths = ['./sub/dir/group1-shard1of1.bin']));
    files.push({ name: 'README.txt', bytes: enc('hello') });
    const model = await loadModelFromArtifacts(artifactsFromFiles(files));
    expect(await predict(model, [[1]])).toEqual([3.5]);
    model.dispose();
  });

  it('joins several shards and groups in manifest order', async () => {
    const files: ModelFile[] = [
      jsonFile({
        ...kerasModelJson(),
        weightsManifest: [
          { paths: ['a1.bin', 'a2.bin'], weights: [{ name: 'dense/kernel', shape: [1, 1], dtype: 'float32' }] },
          { paths: ['b.bin'], weights: [{ name: 'dense/bias', shape: [1], dtype: 'float32' }] },
        ],
      }),
      { name: 'b.bin', bytes: floats(1.5) },
      { name: 'a2.bin', bytes: floats(2).subarray(2) },
      { name: 'a1.bin', bytes: floats(2).subarray(0, 2) },
    ];
    const model = await loadModelFromArtifacts(artifactsFromFiles(files));
    expect(await predict(model, [[1]])).toEqual([3.5]);
    model.dispose();
  });

  it('reads quantized weights at their stored size', async () => {
    // uint8 with scale 0.5: bytes 4 and 3 mean 2 and 1.5.
    const files = kerasFiles((j) => {
      for (const w of j.weightsManifest[0].weights) w.quantization = { dtype: 'uint8', scale: 0.5, min: 0 };
    }, Uint8Array.from([4, 3]));
    const model = await loadModelFromArtifacts(artifactsFromFiles(files));
    expect(await predict(model, [[1]])).toEqual([3.5]);
    model.dispose();
  });

  it('takes a lone x.json when there is no model.json, and strips a BOM', async () => {
    const files = kerasFiles();
    files[0] = { name: 'x.json', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...files[0].bytes]) };
    expect(artifactsFromFiles(files).weightSpecs).toHaveLength(2);
  });

  it('leaves no tensors behind once the model is disposed', async () => {
    const before = tf.memory().numTensors;
    const model = await loadModelFromArtifacts(artifactsFromFiles(kerasFiles()));
    model.dispose();
    const saved = linearModel();
    await modelToArtifacts(saved);
    saved.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('broken uploads get one clear sentence', () => {
  it('not JSON', () => {
    const msg = fileError(() => artifactsFromFiles([{ name: 'model.json', bytes: enc('{"modelTopology": ') }]));
    expect(msg).toMatch(/^model\.json is not valid JSON \(/);
  });

  it('JSON that is not an object', () => {
    expect(fileError(() => artifactsFromFiles([jsonFile([1, 2])]))).toMatch(/not a model description/);
  });

  it('no modelTopology', () => {
    expect(fileError(() => artifactsFromFiles(kerasFiles((j) => delete j.modelTopology)))).toMatch(/has no modelTopology/);
  });

  it('a topology without a model class', () => {
    expect(fileError(() => artifactsFromFiles(kerasFiles((j) => (j.modelTopology = { foo: 1 }))))).toMatch(/without a model class/);
  });

  it('a graph model, with how to convert', () => {
    const msg = fileError(() => artifactsFromFiles(kerasFiles((j) => (j.format = 'graph-model'))));
    expect(msg).toMatch(/graph model; only layers models .* are graded/);
    expect(msg).toMatch(/tensorflowjs_converter --input_format keras/);
    const graphDef = fileError(() => artifactsFromFiles(kerasFiles((j) => (j.modelTopology = { node: [], versions: {} }))));
    expect(graphDef).toMatch(/graph model/);
  });

  it('no weightsManifest', () => {
    expect(fileError(() => artifactsFromFiles(kerasFiles((j) => delete j.weightsManifest)))).toMatch(/no weightsManifest/);
  });

  it('a malformed manifest group', () => {
    expect(fileError(() => artifactsFromFiles(kerasFiles((j) => (j.weightsManifest = [{ paths: 'x.bin' }]))))).toMatch(
      /group 1 is malformed/,
    );
  });

  it('a missing shard', () => {
    const msg = fileError(() => artifactsFromFiles([kerasFiles()[0]]));
    expect(msg).toBe(
      "model.json lists the weight file 'group1-shard1of1.bin' but it was not among the files given; upload model.json together with all its .bin files.",
    );
  });

  it('a truncated shard', () => {
    const msg = fileError(() => artifactsFromFiles(kerasFiles(undefined, floats(2))));
    expect(msg).toMatch(/^The weight file 'group1-shard1of1\.bin' is truncated: model\.json describes 8 bytes of weights but the file holds 4\./);
  });

  it('a shard with more bytes than described', () => {
    expect(fileError(() => artifactsFromFiles(kerasFiles(undefined, floats(2, 1.5, 7))))).toMatch(
      /holds 12 bytes but model\.json describes 8; the \.bin files do not belong/,
    );
  });

  it.each([
    [[-1, 1], /impossible shape \[-1,1\]/],
    [[1.5, 1], /impossible shape \[1\.5,1\]/],
    ['11', /impossible shape "11"/],
    [[100000, 100000], /absurd shape \[100000,100000\] \(1\.00e\+10 values\)/],
  ])('an absurd shape %j', (shape, re) => {
    expect(fileError(() => artifactsFromFiles(kerasFiles((j) => (j.weightsManifest[0].weights[0].shape = shape))))).toMatch(re);
  });

  it.each(['float64', 'string', 'complex64', 'constructor'])('an unknown dtype %s', (dtype) => {
    const msg = fileError(() => artifactsFromFiles(kerasFiles((j) => (j.weightsManifest[0].weights[1].dtype = dtype))));
    expect(msg).toBe(`Weight 'dense/bias' has dtype "${dtype}"; a layers model stores float32, int32 or bool weights.`);
  });

  it('an unknown quantization', () => {
    const msg = fileError(() => artifactsFromFiles(kerasFiles((j) => (j.weightsManifest[0].weights[0].quantization = { dtype: 'int4' }))));
    expect(msg).toMatch(/unknown quantization/);
  });

  it('a Keras 3 .keras archive uploaded by mistake', () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...enc('\0\0\0\0metadata.json....config.json')]);
    const msg = fileError(() => artifactsFromFiles([{ name: 'model.keras', bytes: zip }]));
    expect(msg).toMatch(/^'model\.keras' is a Keras 3 \.keras archive, not a TensorFlow\.js model\./);
    expect(msg).toMatch(/tensorflowjs_converter/);
    // Renamed to model.json, it is still recognised before JSON parsing fails.
    expect(fileError(() => artifactsFromFiles([{ name: 'model.json', bytes: zip }]))).toMatch(/Keras 3 \.keras archive/);
  });

  it('a plain zip and an HDF5 file', () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    expect(fileError(() => artifactsFromFiles([{ name: 'web_model.zip', bytes: zip }]))).toMatch(/is a zip archive; unzip it/);
    const h5 = Uint8Array.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(fileError(() => artifactsFromFiles([{ name: 'model.h5', bytes: h5 }]))).toMatch(/Keras HDF5 \(\.h5\) file/);
  });

  it('no files, no model.json, several JSON files', () => {
    expect(fileError(() => artifactsFromFiles([]))).toMatch(/^No files given/);
    expect(fileError(() => artifactsFromFiles([{ name: 'w.bin', bytes: floats(1) }]))).toMatch(/^No model\.json among the files given \(w\.bin\)/);
    expect(fileError(() => artifactsFromFiles([jsonFile({}, 'a.json'), jsonFile({}, 'b.json')]))).toMatch(/Several \.json files/);
  });

  it('a Lambda layer, which TensorFlow.js cannot load', async () => {
    const files = kerasFiles((j) => {
      j.modelTopology.model_config.config.layers.splice(1, 0, {
        class_name: 'Lambda',
        config: { name: 'lambda', function: ['4wEAAAAAAAAA', null, null], output_shape: null, arguments: {} },
      });
    });
    const err = await loadModelFromArtifacts(artifactsFromFiles(files)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelFileError);
    expect((err as Error).message).toMatch(/^The model uses a layer TensorFlow\.js does not know: Lambda\. Lambda layers hold Python code/);
  });

  it('weights named for another model', async () => {
    const files = kerasFiles((j) => (j.weightsManifest[0].weights[0].name = 'conv2d/kernel'));
    const err = await loadModelFromArtifacts(artifactsFromFiles(files)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelFileError);
    expect((err as Error).message).toBe(
      "The weight 'conv2d/kernel' in the weights list belongs to no layer of the model; the topology and the weights come from different models.",
    );
  });

  it('a topology tfjs cannot build, with the reason', async () => {
    const files = kerasFiles((j) => (j.modelTopology.model_config.config.layers[1].config.units = 'many'));
    const err = await loadModelFromArtifacts(artifactsFromFiles(files)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelFileError);
    expect((err as Error).message).toMatch(/^TensorFlow\.js could not build the model: ./);
  });
});

describe('validateArtifacts (sandbox and storage)', () => {
  it('accepts weight data split into several buffers', async () => {
    const a = await modelToArtifacts(linearModel());
    const buf = a.weightData as ArrayBuffer;
    expect(() => validateArtifacts({ ...a, weightData: [buf.slice(0, 3), buf.slice(3)] })).not.toThrow();
  });

  it('rejects a GraphDef topology, truncated or surplus weight data, and non-binary weights', async () => {
    const a = await modelToArtifacts(linearModel());
    const buf = a.weightData as ArrayBuffer;
    expect(fileError(() => validateArtifacts({ ...a, modelTopology: new ArrayBuffer(4) }))).toMatch(/GraphDef/);
    expect(fileError(() => validateArtifacts({ ...a, weightData: buf.slice(0, 4) }))).toMatch(/truncated: .* 8 bytes but only 4/);
    expect(fileError(() => validateArtifacts({ ...a, weightData: new ArrayBuffer(12) }))).toMatch(/12 bytes of weights but its weight list describes 8/);
    expect(fileError(() => validateArtifacts({ ...a, weightData: 'abc' as unknown as ArrayBuffer }))).toMatch(/not binary data/);
    expect(fileError(() => validateArtifacts(undefined as unknown as tf.io.ModelArtifacts))).toMatch(/missing/);
  });
});
