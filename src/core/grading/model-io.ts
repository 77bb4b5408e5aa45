/**
 * Models to and from artifacts with tfjs: building a validated model for the
 * grader, and capturing a trained model in memory. The file formats themselves are
 * `model-files.ts`, which this re-exports.
 */
import * as tf from '@tensorflow/tfjs';
import { firstLine, joinWeightData, ModelFileError, validateArtifacts } from './model-files';
import { normalizeConvertedKeras3 } from '../keras/converted';
// Registers Keras' default GRU (reset_after=True) with tfjs, so translated Keras models that use it load.
import '../keras/gru-reset-after';

export * from './model-files';

/** Validate, then build the model with `tf.io.fromMemory`; tfjs errors come back as ModelFileErrors. */
export async function loadModelFromArtifacts(given: tf.io.ModelArtifacts): Promise<tf.LayersModel> {
  // The Python converter's output for a Keras 3 model is in a dialect tfjs cannot read; repaired first.
  const artifacts = normalizeConvertedKeras3(given);
  validateArtifacts(artifacts);
  try {
    return await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  } catch (e) {
    throw explainLoadError(e, artifacts);
  }
}

function explainLoadError(e: unknown, artifacts: tf.io.ModelArtifacts): ModelFileError {
  const msg = e instanceof Error ? e.message : String(e);
  const unknown = /Unknown (?:layer|class(?:Name)?):\s*(\w+)/i.exec(msg);
  if (unknown) {
    const name = unknown[1];
    const lambda =
      name === 'Lambda'
        ? ' Lambda layers hold Python code, which cannot run outside Python (the exam rejected them too): do that work outside the model or with built-in layers.'
        : ' Use built-in Keras layers only.';
    return new ModelFileError(`The model uses a layer TensorFlow.js does not know: ${name}.${lambda}`);
  }
  const stray = /no target variable:\s*(\S+?)\.?$/m.exec(msg);
  if (stray) {
    return new ModelFileError(
      `The weight '${stray[1]}' in the weights list belongs to no layer of the model; the topology and the weights come from different models.`,
    );
  }
  if (/weights are not set/.test(msg)) {
    return new ModelFileError(`Some layers of the model have no weights in the weights list (${firstLine(msg)}); save or convert the whole model again.`);
  }
  const topo = artifacts.modelTopology as { keras_version?: unknown } | undefined;
  const keras3 = typeof topo?.keras_version === 'string' && topo.keras_version.startsWith('3')
    ? ' It was saved by Keras 3, whose format TensorFlow.js 4 reads only in part; saving with tf.keras 2 (TensorFlow ≤ 2.15, or tf_keras) and converting again usually helps.'
    : '';
  return new ModelFileError(`TensorFlow.js could not build the model: ${firstLine(msg)}.${keras3}`);
}

/** Capture a model's artifacts in memory (no download, no storage), weights as one buffer. */
export async function modelToArtifacts(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (saved === undefined) throw new Error('model.save did not hand over any artifacts.');
  return { ...saved, weightData: joinWeightData(saved.weightData) };
}
