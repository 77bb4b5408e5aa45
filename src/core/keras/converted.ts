/**
 * The Python `tensorflowjs` converter, given a Keras 3 model, writes a `model.json`
 * that tfjs 4.22 cannot load (tfjs issues #8328, #8358, #8489, #8494): the topology
 * is Keras 3's config as is (`batch_shape`, dtype policy objects, `__keras_tensor__`
 * links) and the weights are named `<model>/<layer>/<weight>` (or with a cell:
 * `<model>/<layer>/forward_lstm/lstm_cell/kernel`). This repairs such artifacts with
 * the same translation as a `.keras` file; tfjs' own artifacts pass through untouched.
 */
import type * as tf from '@tensorflow/tfjs';
import { ModelFileError } from '../grading/model-files';
import { fillInputChannels, translateModelConfig, type WeightPlan } from './translate';

type Json = Record<string, unknown>;

/** True when a topology is in Keras 3's dialect, which tfjs cannot read. */
export function isKeras3Topology(topology: unknown): boolean {
  if (!isObject(topology)) return false;
  const modelConfig = isObject(topology.model_config) ? topology.model_config : topology;
  const version = topology.keras_version;
  if (typeof version === 'string' && /^3\./.test(version)) return true;
  const layers = isObject(modelConfig.config) ? (modelConfig.config as Json).layers : undefined;
  if (!Array.isArray(layers)) return false;
  return layers.some((l) => {
    const c = isObject(l) && isObject(l.config) ? l.config : {};
    return 'batch_shape' in c || isObject(c.dtype) || (isObject(l) && Array.isArray(l.inbound_nodes) && l.inbound_nodes.some((n) => isObject(n) && 'args' in n));
  });
}

/** Artifacts with a Keras 3 topology → the tfjs dialect and tfjs weight names; other artifacts are returned as they are. */
export function normalizeConvertedKeras3(artifacts: tf.io.ModelArtifacts): tf.io.ModelArtifacts {
  const topology = artifacts.modelTopology;
  if (!isKeras3Topology(topology)) return artifacts;
  const t = topology as Json;
  const modelConfig = isObject(t.model_config) ? t.model_config : t;
  const version = typeof t.keras_version === 'string' ? t.keras_version : null;
  const { modelTopology, layers } = translateModelConfig(modelConfig, version);
  const modelName = isObject(modelConfig.config) && typeof modelConfig.config.name === 'string' ? modelConfig.config.name : undefined;
  const weightSpecs = renameWeights(artifacts.weightSpecs ?? [], layers, modelName);
  fillInputChannels(layers, weightSpecs);
  const out: tf.io.ModelArtifacts = { ...artifacts, modelTopology: isObject(t.training_config) ? { model_config: modelTopology, training_config: t.training_config } : modelTopology, weightSpecs };
  return out;
}

/**
 * Each weight goes to the layer its path names (after an optional model-name prefix),
 * and takes that layer's next tfjs name: the converter lists a layer's weights in
 * Keras' order, which is the order the plan names them.
 */
function renameWeights(specs: readonly tf.io.WeightsManifestEntry[], plans: readonly WeightPlan[], modelName: string | undefined): tf.io.WeightsManifestEntry[] {
  const odd = plans.find((p) => p.skip || p.flatten);
  if (odd) {
    throw new ModelFileError(`Layer '${odd.layerName}' (${odd.kerasClass}) cannot be read from a converter's model.json; upload the Keras .keras or .h5 file itself.`);
  }
  const byLayer = new Map(plans.map((p) => [p.layerName, p]));
  const used = new Map<string, number>();
  const renamed = specs.map((spec) => {
    const parts = spec.name.split('/');
    const start = parts.length > 2 && parts[0] === modelName && byLayer.has(parts[1]) ? 1 : 0;
    const plan = byLayer.get(parts[start]);
    if (plan === undefined) {
      throw new ModelFileError(`The weight '${spec.name}' in model.json belongs to no layer of the model; the weights and the topology come from different models.`);
    }
    const i = used.get(plan.layerName) ?? 0;
    if (i >= plan.names.length) {
      throw new ModelFileError(`Layer '${plan.layerName}' (${plan.kerasClass}) has more weights in model.json than its config needs (${plan.names.length}); the weights do not belong to this model.`);
    }
    used.set(plan.layerName, i + 1);
    return { ...spec, name: plan.names[i] };
  });
  for (const p of plans) {
    if ((used.get(p.layerName) ?? 0) !== p.names.length) {
      throw new ModelFileError(`Layer '${p.layerName}' (${p.kerasClass}) is missing weights in model.json (it needs ${p.names.length}); convert the whole model again.`);
    }
  }
  return renamed;
}

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
