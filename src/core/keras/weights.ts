/**
 * Keras weights → tfjs weight specs and one weight buffer, following the weight
 * plans from `translate.ts`. The two containers lay weights out differently:
 * - `.keras` (`model.weights.h5`): `layers/<snake_case class>[_N]/vars/0..k`, nested
 *   layers under `cell/`, `forward_layer/`, `backward_layer/`; Keras ≥ 3.x also writes
 *   the layer's own name as the `name` attribute of its `vars` group, which is used first;
 * - legacy `.h5`: `<layer name>/` whose `weight_names` attribute lists its datasets in order.
 * Counts are checked here (one line naming the layer); shapes are checked by tfjs on load.
 */
import type * as tf from '@tensorflow/tfjs';
import { ModelFileError } from '../grading/model-files';
import type { H5Dataset, H5Group } from './containers';
import type { WeightPlan } from './translate';

export interface WeightsOut {
  weightSpecs: tf.io.WeightsManifestEntry[];
  weightData: ArrayBuffer;
}

export function collectWeights(format: 'keras' | 'h5', root: H5Group, plans: readonly WeightPlan[]): WeightsOut {
  const find = format === 'keras' ? kerasLayerFinder(root, plans) : legacyLayerFinder(root);
  const specs: tf.io.WeightsManifestEntry[] = [];
  const arrays: Float32Array[] = [];
  for (const plan of plans) {
    if (plan.names.length === 0) continue;
    const datasets = find(plan);
    if (datasets === undefined) {
      throw new ModelFileError(`The weights file has no weights for layer '${plan.layerName}' (${plan.kerasClass}); the weights do not belong to this config.`);
    }
    const needed = plan.names.length + (plan.skip?.length ?? 0);
    if (datasets.length !== needed) {
      throw new ModelFileError(
        `Layer '${plan.layerName}' (${plan.kerasClass}) has ${datasets.length} weight${datasets.length === 1 ? '' : 's'} in the file but its config needs ${needed}; the weights do not belong to this config.`,
      );
    }
    datasets
      .filter((_, i) => !plan.skip?.includes(i))
      .forEach((d, i) => {
        arrays.push(d.read());
        const shape = plan.flatten ? [d.shape.reduce((a, b) => a * b, 1)] : d.shape;
        specs.push({ name: plan.names[i], shape, dtype: 'float32' });
      });
  }
  const total = arrays.reduce((s, a) => s + a.length, 0);
  const data = new Float32Array(total);
  let at = 0;
  for (const a of arrays) {
    data.set(a, at);
    at += a.length;
  }
  return { weightSpecs: specs, weightData: data.buffer };
}

// ---------------------------------------------------------------------------------
// .keras

function kerasLayerFinder(root: H5Group, plans: readonly WeightPlan[]): (plan: WeightPlan) => H5Dataset[] | undefined {
  const layers = root.get('layers');
  if (layers !== undefined && layers.kind !== 'group') throw new ModelFileError('model.weights.h5 has a "layers" entry that is not a group; the file is damaged.');
  // Layer name → its group: the shallowest group whose `vars` carries that name (nested cells, e.g. `lstm_cell`,
  // sit deeper and never shadow a layer). Breadth-first, the optimizer's state left out.
  const byName = new Map<string, H5Group>();
  const queue: H5Group[] = [layers ?? root];
  for (let depth = 0; queue.length > 0 && depth < 10_000; depth++) {
    const g = queue.shift()!;
    for (const key of g.keys) {
      if (key === 'optimizer' || key === 'vars') continue;
      const child = g.get(key);
      if (child?.kind !== 'group') continue;
      const vars = child.get('vars');
      const name = vars?.kind === 'group' ? vars.attrs.name : undefined;
      if (typeof name === 'string' && !byName.has(name)) byName.set(name, child);
      queue.push(child);
    }
  }
  // Without the name attribute (older Keras 3), a layer's group is its class in snake_case, numbered by order.
  const positional = positionalGroupNames(plans);
  return (plan) => {
    const group = byName.get(plan.layerName) ?? layers?.get(positional.get(plan.layerName) ?? '');
    return group?.kind === 'group' ? datasetsOf(group) : undefined;
  };
}

/** All weights under a layer's group, in Keras' order: its own `vars`, then its sublayers'. */
function datasetsOf(group: H5Group): H5Dataset[] {
  const out: H5Dataset[] = [];
  const vars = group.get('vars');
  if (vars?.kind === 'group') {
    const keys = vars.keys.filter((k) => /^\d+$/.test(k)).sort((a, b) => Number(a) - Number(b));
    for (const k of keys) {
      const d = vars.get(k);
      if (d?.kind === 'dataset') out.push(d);
    }
  }
  const order = (k: string) => ['forward_layer', 'backward_layer', 'cell'].indexOf(k);
  const subs = group.keys
    .filter((k) => k !== 'vars')
    .sort((a, b) => (order(a) === -1 ? 99 : order(a)) - (order(b) === -1 ? 99 : order(b)) || a.localeCompare(b));
  for (const k of subs) {
    const g = group.get(k);
    if (g?.kind === 'group') out.push(...datasetsOf(g));
  }
  return out;
}

/** Keras' `to_snake_case` of a class name: `Conv2D` → `conv2d`, `SimpleRNN` → `simple_rnn`. */
export function snakeCase(name: string): string {
  return name
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** The group names Keras 3 gives the layers when it writes no name attribute: `dense`, `dense_1`, … per class, in order. */
export function positionalGroupNames(plans: readonly WeightPlan[]): Map<string, string> {
  const counters = new Map<string, number>();
  const out = new Map<string, string>();
  for (const p of plans) {
    const base = snakeCase(p.kerasClass);
    const n = counters.get(base) ?? 0;
    counters.set(base, n + 1);
    out.set(p.layerName, n === 0 ? base : `${base}_${n}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------
// legacy .h5

function legacyLayerFinder(root: H5Group): (plan: WeightPlan) => H5Dataset[] | undefined {
  return (plan) => {
    const group = root.get(plan.layerName);
    if (group?.kind !== 'group') return undefined;
    const names = group.attrs.weight_names;
    if (!Array.isArray(names)) return undefined;
    return names.map((raw) => {
      // tf.keras 2 stores these as fixed-length byte strings, which may come back padded or as bytes.
      const path = (raw instanceof Uint8Array ? new TextDecoder().decode(raw) : String(raw)).replace(/\0+$/, '');
      const d = lookup(group, path);
      if (d === undefined) {
        throw new ModelFileError(`The weight '${path}' of layer '${plan.layerName}' is listed but missing from the file; the file is damaged.`);
      }
      return d;
    });
  };
}

function lookup(group: H5Group, path: string): H5Dataset | undefined {
  let node: H5Group | H5Dataset | undefined = group;
  for (const part of path.split('/')) {
    if (node?.kind !== 'group') return undefined;
    node = node.get(part);
  }
  return node?.kind === 'dataset' ? node : undefined;
}
