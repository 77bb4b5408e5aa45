import { describe, expect, it } from 'vitest';
import { buffersIn, transferableCopy } from '../../../src/runner/data-protocol';

describe('buffersIn', () => {
  it('lists each typed array buffer once, however deep', () => {
    const shared = new Float32Array(8);
    const other = new Uint8Array(3);
    const value = { a: { xs: shared, ys: shared.subarray(2) }, list: [{ pixels: other }, 'text', 3], none: null };
    expect(buffersIn(value)).toEqual([shared.buffer, other.buffer]);
  });
});

describe('transferableCopy', () => {
  it('returns the value itself when every array owns its whole buffer', () => {
    const splits = { train: { xs: new Float32Array(4), ys: new Int32Array(2) }, validation: { xs: new Float32Array(1), ys: new Int32Array(1) } };
    expect(transferableCopy(splits, new Set())).toBe(splits);
  });

  it('copies views of kept (cached) buffers, partial views and shared buffers, so transfers empty nothing else', () => {
    const cached = Uint8Array.from([1, 2, 3, 4, 5, 6]);
    const fresh = Float32Array.from([7, 8]);
    const split = {
      images: [{ width: 1, height: 1, pixels: cached.subarray(0, 3) }, { width: 1, height: 1, pixels: cached.subarray(3) }],
      whole: cached,
      labels: fresh,
    };
    const out = transferableCopy(split, new Set([cached.buffer]));
    const buffers = buffersIn(out);
    expect(buffers).not.toContain(cached.buffer);
    expect(buffers).toContain(fresh.buffer); // already its own: moved, not copied
    expect(buffers).toHaveLength(4);
    expect(Array.from(out.images[1].pixels)).toEqual([4, 5, 6]);
    expect(out.images[0].width).toBe(1);
    // Transferring every listed buffer leaves the cache intact.
    structuredClone(out, { transfer: buffers });
    expect(Array.from(cached)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(fresh.length).toBe(0);
  });
});
