/**
 * The runner bench's baseline: bare tfjs in a plain same-origin worker. Bundled at
 * bench time with the sandbox worker's esbuild settings (same tfjs, same kernels),
 * it trains the same model code on the same data with no sandbox, no executor, no
 * fit patch and no curves, and reports the time from backend start to saved model.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { DenseBlock } from '../../core/data';
import { registerDojoKernels } from '../../runner/kernels';

export interface BaselineRequest {
  backend: 'webgl' | 'wasm' | 'cpu';
  wasmPaths: Record<string, string>;
  /** Body of `async (tf, data) => LayersModel`, the same text the lab run executes. */
  body: string;
  data: { train: { xs: DenseBlock; ys: DenseBlock }; validation: { xs: DenseBlock; ys: DenseBlock } };
}

/** `epochMs`: what the body passed to `report` (its epochs' times, see workloadBody). */
export type BaselineReply = { ok: true; ms: number; weights: number; epochMs: number[] } | { ok: false; message: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<BaselineRequest>) => void) | null; postMessage(m: BaselineReply | { ready: true }): void };

scope.onmessage = (e) => {
  void run(e.data).then(
    (r) => scope.postMessage(r),
    (err: Error) => scope.postMessage({ ok: false, message: err?.message ?? String(err) }),
  );
};

async function run(req: BaselineRequest): Promise<BaselineReply> {
  setWasmPaths(req.wasmPaths);
  const t0 = performance.now();
  if (!(await tf.setBackend(req.backend))) throw new Error(`${req.backend} did not start`);
  await tf.ready();
  if (req.backend !== 'webgl') registerDojoKernels(req.backend);
  const t = (b: DenseBlock) => tf.tensor(b.values as Float32Array, b.shape, b.dtype === 'int32' ? 'int32' : 'float32');
  const data = {
    train: { xs: t(req.data.train.xs), ys: t(req.data.train.ys) },
    validation: { xs: t(req.data.validation.xs), ys: t(req.data.validation.ys) },
  };
  let epochMs: number[] = [];
  const report = (ms: number[]) => void (epochMs = ms);
  const train = new Function('tf', 'data', 'report', `return (async () => {\n${req.body}\n})();`) as (
    t: typeof tf,
    d: typeof data,
    r: typeof report,
  ) => Promise<tf.LayersModel>;
  const model = await train(tf, data, report);
  let weights = 0;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      weights = a.weightData ? (a.weightData as ArrayBuffer).byteLength : 0;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return { ok: true, ms: performance.now() - t0, weights, epochMs };
}

scope.postMessage({ ready: true });
