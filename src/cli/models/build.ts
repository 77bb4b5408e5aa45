/**
 * `dojo models build`: trains the shipped pretrained bases into public/models/<name>/
 * (tfjs layers model.json + weights.bin + manifest.json with sizes and sha256).
 * Deterministic: a rebuild gives the same bytes, which `dojo models build --check` proves.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadDataset } from '../../core/datasets';
import { type ModelJson, type PretrainedManifest, PRETRAINED_FILES } from '../../core/lab/pretrained';
import { fsSource } from '../datasets/fs-source';
import { useBackend } from '../node-runner';
import { DATASETS_DIR } from '../paths';
import { EMOJI_BASE, trainEmojiBase } from './emoji-base';
import { MODELS_DIR } from './files';

export const MODEL_NAMES: readonly string[] = [EMOJI_BASE.name];

export interface BuiltModel {
  name: string;
  manifest: PretrainedManifest;
  seconds: number;
}

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

export async function buildModels(outDir = MODELS_DIR, names: readonly string[] = MODEL_NAMES, log: (line: string) => void = console.error): Promise<BuiltModel[]> {
  const unknown = names.filter((n) => !MODEL_NAMES.includes(n));
  if (unknown.length) throw new Error(`Unknown model(s): ${unknown.join(', ')}. Known: ${MODEL_NAMES.join(', ')}.`);
  // wasm with our kernels: the fast CPU path, single-threaded in Node, so the sums run in one order.
  await useBackend('wasm');
  const out: BuiltModel[] = [];
  for (const name of names) {
    const t0 = performance.now();
    const dataset = await loadDataset(fsSource(DATASETS_DIR), EMOJI_BASE.dataset);
    const classes = (dataset.manifest.meta as { classes: string[] }).classes;
    const { base, trainAccuracy, count } = await trainEmojiBase(tf, dataset, log);
    const artifacts = await saveToMemory(base);
    base.dispose();
    const weights = new Uint8Array(artifacts.weightData as ArrayBuffer);
    const modelJson: ModelJson = {
      format: 'layers-model',
      modelTopology: artifacts.modelTopology as object,
      weightsManifest: [{ paths: [PRETRAINED_FILES.weights], weights: artifacts.weightSpecs as ModelJson['weightsManifest'][0]['weights'] }],
    };
    const jsonText = JSON.stringify(modelJson);
    const dir = path.join(outDir, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, PRETRAINED_FILES.modelJson), jsonText);
    writeFileSync(path.join(dir, PRETRAINED_FILES.weights), weights);
    const params = modelJson.weightsManifest[0]!.weights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
    const artists = (dataset.manifest.meta as { artists: { name: string; licence: string; attribution: string }[] }).artists;
    const used = EMOJI_BASE.artists.map((a) => artists[a]!);
    const manifest: PretrainedManifest = {
      name,
      title: `A small emoji image base (3 conv blocks, 32×32×3 → 4×4×${EMOJI_BASE.features})`,
      description:
        'A convolutional feature extractor without its top (Keras include_top=False), trained to tell the five emoji kinds of emoji-categories apart from Noto and Twemoji drawings. For transfer learning onto other artists (drill emoji-transfer): load it with lab.pretrained("emoji-base").',
      trainedOn: {
        dataset: `${EMOJI_BASE.dataset} (public/datasets/${EMOJI_BASE.dataset})`,
        rows: `train and validation rows drawn by ${used.map((a) => a.name).join(' and ')} (artist ids ${EMOJI_BASE.artists.join(', ')}); no test-split emoji, no OpenMoji or Fluent drawing`,
        count,
        classes,
      },
      licence: `Weights trained by Tensor Dojo from images under ${used.map((a) => `${a.name} ${a.licence}`).join(' and ')}. Attribution: ${used.map((a) => a.attribution).join('. ')}.`,
      inputShape: [EMOJI_BASE.size, EMOJI_BASE.size, 3],
      outputShape: [EMOJI_BASE.size / 8, EMOJI_BASE.size / 8, EMOJI_BASE.features],
      params,
      build: `Pixels bilinear-resized to ${EMOJI_BASE.size}×${EMOJI_BASE.size}, scaled to [0, 1]. Trained with a GlobalAveragePooling2D + Dense(${classes.length}, softmax) head (dropped when saved), Adam 0.003, ${EMOJI_BASE.epochs} epochs of batch ${EMOJI_BASE.batchSize}, a seeded horizontal flip and 5 % shift each epoch, seeded initialisers and batch order (seed ${EMOJI_BASE.seed}), tfjs ${tf.version.tfjs} wasm backend; final training accuracy ${trainAccuracy.toFixed(3)}.`,
      rebuild: `npm run dojo -- models build ${name}`,
      files: [
        { path: PRETRAINED_FILES.modelJson, bytes: Buffer.byteLength(jsonText), sha256: sha256(jsonText) },
        { path: PRETRAINED_FILES.weights, bytes: weights.byteLength, sha256: sha256(weights) },
      ],
    };
    writeFileSync(path.join(dir, PRETRAINED_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    const seconds = (performance.now() - t0) / 1000;
    log(`${name}: ${params} parameters, ${(weights.byteLength / 1024).toFixed(0)} KB of weights, sha256 ${manifest.files[1]!.sha256.slice(0, 12)}… (${seconds.toFixed(0)} s)`);
    out.push({ name, manifest, seconds });
  }
  return out;
}

async function saveToMemory(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      saved = a;
      return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
    }),
  );
  if (!saved?.weightData || !saved.weightSpecs) throw new Error('The base saved no weights.');
  // One buffer: tfjs may hand back a list of buffers.
  const data = saved.weightData;
  const weightData = Array.isArray(data) ? concat(data) : data;
  return { ...saved, weightData };
}

function concat(parts: ArrayBuffer[]): ArrayBuffer {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p), at);
    at += p.byteLength;
  }
  return out.buffer;
}
