/**
 * Builds a tf.LayersModel from a shipped base's artifacts: a fresh model on every
 * call, so two calls never share layers or weights (Keras' `MobileNetV2(...)` does the same).
 */
import type * as tfType from '@tensorflow/tfjs';
import type { PretrainedArtifacts } from './format';

export async function modelFromPretrained(tf: typeof tfType, a: PretrainedArtifacts): Promise<tfType.LayersModel> {
  // A copy: tfjs keeps a view of the buffer it is given, and the artifacts serve every call.
  const weightData = a.weightBytes.slice().buffer;
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: a.modelTopology, weightSpecs: a.weightSpecs, weightData }));
}

/** The learner-facing error when a drill ships no base of that name. */
export function unknownPretrained(name: unknown, available: readonly string[]): Error {
  const have = available.length ? `This drill ships ${available.map((n) => `'${n}'`).join(', ')}.` : 'This drill ships no pretrained model.';
  return new Error(`lab.pretrained(${JSON.stringify(name)}): no such pretrained model. ${have}`);
}
