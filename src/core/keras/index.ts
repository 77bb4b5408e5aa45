/**
 * Keras files for the grader: a `.keras` (Keras 3) or `.h5` file in, tfjs layers
 * `ModelArtifacts` out, for the same validator and grader as every other model.
 * Used lazily (`import()`) by the page, the CLI's `grade` and `convert`.
 *
 * - `containers.ts`: zip / HDF5 → config + weight tree (fflate, jsfive, loaded on first use);
 * - `translate.ts`: Keras config → tfjs topology + weight plan (pure);
 * - `weights.ts`: weight tree + plan → weight specs and buffer (pure);
 * - `converted.ts`: repairs the Python converter's `model.json` for Keras 3 models (pure).
 */
import type * as tf from '@tensorflow/tfjs';
import type { ModelFile } from '../grading/model-files';
import { openKerasFile } from './containers';
import { fillInputChannels, translateModelConfig } from './translate';
import { collectWeights } from './weights';

export { isKerasFileName, looksLikeHdf5, looksLikeZip } from './containers';
export { SUPPORTED_LAYERS } from './translate';
export { normalizeConvertedKeras3 } from './converted';

/** A Keras file → artifacts; throws `ModelFileError` with one line for the learner. */
export async function kerasFileToArtifacts(file: ModelFile): Promise<tf.io.ModelArtifacts> {
  const container = await openKerasFile(file.name, file.bytes);
  const { modelTopology, layers } = translateModelConfig(container.config, container.kerasVersion);
  const { weightSpecs, weightData } = collectWeights(container.format, container.weights, layers);
  fillInputChannels(layers, weightSpecs);
  return {
    modelTopology,
    weightSpecs,
    weightData,
    format: 'layers-model',
    generatedBy: `keras v${container.kerasVersion ?? 'unknown'}`,
    convertedBy: `Tensor Dojo Keras reader (${file.name})`,
  };
}
