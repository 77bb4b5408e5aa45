/**
 * Keras' GRU as Keras 3 builds it by default (`reset_after=True`, the cuDNN variant),
 * which tfjs 4.22 refuses ("GRUCell does not support reset_after"). The reset gate is
 * applied after the recurrent matrix product, and the bias has two rows (input and
 * recurrent), so it is not tfjs' GRU with other weights: it is computed here.
 *
 * Inference only — enough to grade a model trained in Python. Registered with tfjs'
 * serialization under `KerasGRU` when this module is imported (the grader imports it),
 * so a translated topology that names it loads with `tf.loadLayersModel`. Plain tfjs
 * elsewhere does not know it, so `dojo convert` refuses such a model and says why.
 */
import * as tf from '@tensorflow/tfjs';
import { KERAS_GRU_CLASS } from './translate';

type Activation = 'tanh' | 'sigmoid' | 'relu' | 'linear';
const ACTIVATE: Record<Activation, (x: tf.Tensor) => tf.Tensor> = {
  tanh: (x) => tf.tanh(x),
  sigmoid: (x) => tf.sigmoid(x),
  relu: (x) => tf.relu(x),
  linear: (x) => x,
};

interface KerasGruConfig {
  units: number;
  activation?: Activation;
  recurrent_activation?: Activation;
  use_bias?: boolean;
  return_sequences?: boolean;
  go_backwards?: boolean;
  name?: string;
  trainable?: boolean;
  batch_input_shape?: (number | null)[];
  dtype?: 'float32';
}

export class KerasGRU extends tf.layers.Layer {
  static className = KERAS_GRU_CLASS;
  private readonly cfg: KerasGruConfig;
  private kernel!: tf.LayerVariable;
  private recurrentKernel!: tf.LayerVariable;
  private bias: tf.LayerVariable | null = null;

  constructor(config: KerasGruConfig) {
    super({ name: config.name, trainable: config.trainable, batchInputShape: config.batch_input_shape ?? undefined, dtype: config.dtype });
    this.cfg = { activation: 'tanh', recurrent_activation: 'sigmoid', use_bias: true, return_sequences: false, go_backwards: false, ...config };
    this.supportsMasking = true;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = shape[shape.length - 1] as number;
    const u = this.cfg.units;
    this.kernel = this.addWeight('kernel', [inputDim, 3 * u], 'float32', tf.initializers.zeros());
    this.recurrentKernel = this.addWeight('recurrent_kernel', [u, 3 * u], 'float32', tf.initializers.zeros());
    // Keras' reset_after bias: row 0 for the input projection, row 1 for the recurrent one.
    if (this.cfg.use_bias) this.bias = this.addWeight('bias', [2, 3 * u], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return this.cfg.return_sequences ? [shape[0], shape[1], this.cfg.units] : [shape[0], this.cfg.units];
  }

  /** The mask stops here, as after Keras' GRU without return_sequences (tfjs' types omit null, which it accepts). */
  override computeMask(): tf.Tensor | tf.Tensor[] {
    return null as unknown as tf.Tensor;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { mask?: tf.Tensor }): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const [batch, steps] = x.shape;
      const u = this.cfg.units;
      const act = ACTIVATE[this.cfg.activation ?? 'tanh'];
      const recAct = ACTIVATE[this.cfg.recurrent_activation ?? 'sigmoid'];
      const kernel = this.kernel.read();
      const recurrent = this.recurrentKernel.read();
      const bias = this.bias?.read();
      const inputBias = bias ? tf.squeeze(tf.slice(bias, [0, 0], [1, 3 * u]), [0]) : null;
      const recurrentBias = bias ? tf.squeeze(tf.slice(bias, [1, 0], [1, 3 * u]), [0]) : null;
      // All input projections at once: [batch, steps, 3u].
      let projected = tf.reshape(tf.matMul(tf.reshape(x, [batch * steps, -1]), kernel), [batch, steps, 3 * u]);
      if (inputBias) projected = tf.add(projected, inputBias);
      const mask = kwargs?.mask ? tf.cast(kwargs.mask, 'float32') : null;
      let h: tf.Tensor = tf.zeros([batch, u]);
      const outputs: tf.Tensor[] = [];
      for (let i = 0; i < steps; i++) {
        const t = this.cfg.go_backwards ? steps - 1 - i : i;
        const xt = tf.squeeze(tf.slice(projected, [0, t, 0], [batch, 1, 3 * u]), [1]);
        let rec = tf.matMul(h, recurrent);
        if (recurrentBias) rec = tf.add(rec, recurrentBias);
        const [xz, xr, xh] = tf.split(xt, 3, 1);
        const [rz, rr, rh] = tf.split(rec, 3, 1);
        const z = recAct(tf.add(xz, rz));
        const r = recAct(tf.add(xr, rr));
        const candidate = act(tf.add(xh, tf.mul(r, rh)));
        let next = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), candidate));
        if (mask) {
          // A masked step keeps the state, as Keras does.
          const m = tf.reshape(tf.slice(mask, [0, t], [batch, 1]), [batch, 1]);
          next = tf.add(tf.mul(m, next), tf.mul(tf.sub(1, m), h));
        }
        h = next;
        if (this.cfg.return_sequences) outputs.push(h);
      }
      return this.cfg.return_sequences ? tf.stack(outputs, 1) : h;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    // tfjs writes camelCase and turns it into Keras' snake_case when it saves.
    const c = this.cfg;
    return {
      ...super.getConfig(),
      units: c.units,
      activation: c.activation,
      recurrentActivation: c.recurrent_activation,
      useBias: c.use_bias,
      returnSequences: c.return_sequences,
      goBackwards: c.go_backwards,
    } as tf.serialization.ConfigDict;
  }

  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    // tfjs hands configs over in camelCase; snake_case is accepted too.
    const c = config as Record<string, unknown>;
    const pick = (camel: string, snake: string) => c[camel] ?? c[snake];
    return new cls({
      units: c.units,
      activation: c.activation,
      recurrent_activation: pick('recurrentActivation', 'recurrent_activation'),
      use_bias: pick('useBias', 'use_bias'),
      return_sequences: pick('returnSequences', 'return_sequences'),
      go_backwards: pick('goBackwards', 'go_backwards'),
      name: c.name,
      trainable: c.trainable,
      batch_input_shape: pick('batchInputShape', 'batch_input_shape'),
      dtype: c.dtype,
    });
  }
}

tf.serialization.registerClass(KerasGRU);
