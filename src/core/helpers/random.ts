/**
 * A small seeded pseudo-random generator shared by the helpers (shuffling,
 * augmentation), so the same seed gives the same numbers on every machine and
 * backend. `Math.random` cannot be seeded and tfjs' own RNG lives on the
 * backend, so neither can make a grader's preprocessing reproducible.
 */

/**
 * A seeded source of uniform numbers. Create one with {@link createRng}.
 *
 * @example
 * ```ts
 * const rng = createRng(42);
 * rng.next();          // 0 ≤ x < 1, same value on every run
 * rng.int(10);         // integer 0…9
 * rng.uniform(-1, 1);  // -1 ≤ x < 1
 * ```
 */
export interface Rng {
  /** A uniform float in `[0, 1)`. */
  next(): number;
  /** A uniform integer in `[0, n)`; `n` must be a positive integer. */
  int(n: number): number;
  /** A uniform float in `[low, high)`. */
  uniform(low: number, high: number): number;
}

/** SplitMix32 finaliser: spreads nearby seeds (0, 1, 2…) far apart. */
function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
  return (x ^ (x >>> 15)) >>> 0;
}

/** sfc32: fast, passes PractRand to large sizes, and needs only 32-bit integer maths. */
class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new Error(`A random seed must be a finite number, got ${seed}.`);
    // Fold in the high bits too, so seeds beyond 2^32 (e.g. Date.now()) still differ.
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    this.a = mix32(lo);
    this.b = mix32(this.a ^ hi);
    this.c = mix32(this.b);
    this.d = 1;
    // Discard the first outputs, which are still correlated with the seed.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  private nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.nextUint32() / 4294967296;
  }

  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new Error(`rng.int(n) needs a positive integer, got ${n}.`);
    return Math.floor(this.next() * n);
  }

  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }
}

/**
 * Creates a seeded random generator. The same seed always yields the same
 * sequence, in the browser and in Node alike.
 *
 * @param seed Any finite number; integers are typical.
 * @example
 * ```ts
 * const a = createRng(7), b = createRng(7);
 * a.next() === b.next(); // true
 * ```
 */
export function createRng(seed: number): Rng {
  return new Sfc32(seed);
}

/**
 * Derives a child seed from a seed and a stream number (e.g. the epoch), so
 * each epoch of a dataset gets its own but reproducible order.
 */
export function deriveSeed(seed: number, stream: number): number {
  return mix32(mix32(seed >>> 0 ^ Math.floor(seed / 4294967296)) ^ mix32(stream >>> 0));
}

/** Accepts either a seed or an existing generator, as the helpers' options do. */
export function toRng(seedOrRng: number | Rng): Rng {
  return typeof seedOrRng === 'number' ? createRng(seedOrRng) : seedOrRng;
}

/**
 * The order in which a `tf.data`-style shuffle buffer of `bufferSize` emits
 * `n` elements: fill the buffer, then repeatedly emit a uniformly chosen
 * buffered element and refill its slot with the next input element.
 *
 * A buffer of 1 keeps the input order; a buffer ≥ `n` is a full uniform
 * shuffle. This is the algorithm of Python's `Dataset.shuffle(buffer_size)`;
 * the random numbers differ from TensorFlow's, so orders match in
 * distribution, not element for element.
 *
 * @example
 * ```ts
 * shuffleOrder(5, 100, createRng(0)); // a permutation of 0…4
 * shuffleOrder(5, 1, createRng(0));   // Int32Array [0, 1, 2, 3, 4]
 * ```
 */
export function shuffleOrder(n: number, bufferSize: number, rng: Rng): Int32Array {
  if (!Number.isInteger(bufferSize) || bufferSize < 1) {
    throw new Error(`The shuffle buffer size must be a positive integer, got ${bufferSize}.`);
  }
  const out = new Int32Array(n);
  const buffer: number[] = [];
  let nextIn = 0;
  while (buffer.length < bufferSize && nextIn < n) buffer.push(nextIn++);
  for (let k = 0; k < n; k++) {
    const i = rng.int(buffer.length);
    out[k] = buffer[i];
    if (nextIn < n) {
      buffer[i] = nextIn++;
    } else {
      buffer[i] = buffer[buffer.length - 1];
      buffer.pop();
    }
  }
  return out;
}
