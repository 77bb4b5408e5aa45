/**
 * Byte-level helpers for dataset files: hashing, gunzip and little-endian typed
 * views. Only web-platform globals (crypto.subtle, DecompressionStream) so the same
 * code runs in the browser, the sandbox worker and Node 20.
 */
import type { ArrayEntry, NumericArray } from './types';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  const out = new Uint8Array(digest);
  let hex = '';
  for (const b of out) hex += b.toString(16).padStart(2, '0');
  return hex;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Gunzips with the platform's DecompressionStream; throws on corrupt or cut-off data. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  const buffer = await new Response(stream).arrayBuffer();
  return new Uint8Array(buffer);
}

export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export const BYTES_PER_ELEMENT: Record<ArrayEntry['dtype'], number> = {
  uint8: 1,
  uint16: 2,
  int32: 4,
  uint32: 4,
  float32: 4,
  float64: 8,
};

const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

type Ctor = { new (buffer: ArrayBuffer, byteOffset?: number, length?: number): NumericArray };
const CTORS: Record<ArrayEntry['dtype'], Ctor> = {
  uint8: Uint8Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  float32: Float32Array,
  float64: Float64Array,
};

/**
 * A typed array over little-endian `bytes`. Views in place when the offset is aligned
 * (typed-array constructors throw on a misaligned byteOffset), copies otherwise; on a
 * big-endian host it byte-swaps through a DataView.
 * `bytes.length` must be a multiple of the element size (checked by the caller).
 */
export function typedFromLE(dtype: ArrayEntry['dtype'], bytes: Uint8Array): NumericArray {
  const size = BYTES_PER_ELEMENT[dtype];
  const n = bytes.length / size;
  if (!HOST_IS_LITTLE_ENDIAN && size > 1) return swapRead(dtype, bytes, n);
  let aligned = bytes;
  if (bytes.byteOffset % size !== 0) aligned = bytes.slice();
  return new CTORS[dtype](aligned.buffer as ArrayBuffer, aligned.byteOffset, n);
}

function swapRead(dtype: ArrayEntry['dtype'], bytes: Uint8Array, n: number): NumericArray {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new CTORS[dtype](new ArrayBuffer(n * BYTES_PER_ELEMENT[dtype]));
  for (let i = 0; i < n; i++) {
    switch (dtype) {
      case 'uint16':
        out[i] = view.getUint16(i * 2, true);
        break;
      case 'int32':
        out[i] = view.getInt32(i * 4, true);
        break;
      case 'uint32':
        out[i] = view.getUint32(i * 4, true);
        break;
      case 'float32':
        out[i] = view.getFloat32(i * 4, true);
        break;
      case 'float64':
        out[i] = view.getFloat64(i * 8, true);
        break;
      case 'uint8':
        out[i] = bytes[i]!;
        break;
    }
  }
  return out;
}

/** Little-endian bytes of a typed array (what the build writes and the decoder reads). */
export function typedToLE(values: NumericArray): Uint8Array {
  if (HOST_IS_LITTLE_ENDIAN || values.BYTES_PER_ELEMENT === 1) {
    return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  }
  const out = new Uint8Array(values.byteLength);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (values instanceof Uint16Array) view.setUint16(i * 2, v, true);
    else if (values instanceof Int32Array) view.setInt32(i * 4, v, true);
    else if (values instanceof Uint32Array) view.setUint32(i * 4, v, true);
    else if (values instanceof Float32Array) view.setFloat32(i * 4, v, true);
    else view.setFloat64(i * 8, v, true);
  }
  return out;
}
