/**
 * Messages between the app and its data worker, which fetches, checks, decodes
 * and splits a drill's dataset off the main thread (a 30 MB dataset decoded on
 * the page froze it for ~150 ms at a time, measured with `dojo bench longtasks`).
 *
 * The splits themselves never come back to the page: the worker posts them down a
 * run's own MessageChannel straight to the sandbox worker. Relaying Fashion-MNIST's
 * splits through the page to the cross-origin (other-process) iframe cost the page
 * a ~56 ms task (CPU time, in a trace) to serialise them, and the iframe's thread
 * ~365 ms to pass them on to its worker, however they had reached the page.
 */
import type { LearnerSplits } from '../core/data';

export interface DataRequest {
  id: number;
  drillId: string;
  datasetsUrl: string;
  /** One end of the run's channel; the sandbox worker holds the other. Transferred, used once. */
  port: MessagePort;
}

/** To the page: only whether the splits went down the port, never the splits. */
export type DataResponse = { id: number; ok: true } | { id: number; ok: false; message: string };

/** Data worker → sandbox worker, on the run's channel: the learner's splits (never `test`). */
export type DataPortMessage = { type: 'splits'; splits: LearnerSplits };

/** Every typed array's buffer under `value` (once each), for a transfer list. */
export function buffersIn(value: unknown, out: Set<ArrayBuffer> = new Set()): ArrayBuffer[] {
  visitTypedArrays(value, (a) => {
    if (a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  });
  return [...out];
}

export function visitTypedArrays(value: unknown, visit: (a: ArrayBufferView) => void): void {
  if (value === null || typeof value !== 'object') return;
  if (ArrayBuffer.isView(value)) return visit(value);
  if (Array.isArray(value)) {
    for (const v of value) if (v !== null && typeof v === 'object') visitTypedArrays(v, visit);
    return;
  }
  for (const v of Object.values(value)) visitTypedArrays(v, visit);
}

/**
 * `value` with every typed array owning its whole buffer alone and none of the
 * `keep` buffers, so all of them can be transferred without emptying anything
 * else: views into a larger or shared buffer, or into `keep`, become copies.
 * Returns `value` itself when nothing needs copying.
 */
export function transferableCopy<T>(value: T, keep: ReadonlySet<ArrayBufferLike>): T {
  const seen = new Set<ArrayBufferLike>();
  let needsCopy = false;
  visitTypedArrays(value, (a) => {
    if (mustCopy(a, keep, seen)) needsCopy = true;
    seen.add(a.buffer);
  });
  return needsCopy ? (copyShared(value, keep, new Set()) as T) : value;
}

function mustCopy(a: ArrayBufferView, keep: ReadonlySet<ArrayBufferLike>, seen: ReadonlySet<ArrayBufferLike>): boolean {
  return keep.has(a.buffer) || seen.has(a.buffer) || a.byteOffset !== 0 || a.byteLength !== a.buffer.byteLength;
}

function copyShared(value: unknown, keep: ReadonlySet<ArrayBufferLike>, seen: Set<ArrayBufferLike>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value)) {
    const a = value as unknown as Uint8Array;
    const own = mustCopy(a, keep, seen) ? a.slice() : a;
    seen.add(own.buffer);
    return own;
  }
  if (Array.isArray(value)) return value.map((v) => copyShared(v, keep, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = copyShared(v, keep, seen);
  return out;
}
