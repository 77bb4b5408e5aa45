/**
 * A small seeded PRNG (mulberry32) so every shuffle in the build gives the same order
 * on every machine and every run.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates permutation of 0..n-1 from `seed`. */
export function permutation(n: number, seed: number): Int32Array {
  const rand = mulberry32(seed);
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

/** Train / validation / test index ranges over `n` rows: validation and test get their rounded share. */
export function splitRanges(
  n: number,
  validation: number,
  test: number,
): { train: [number, number]; validation: [number, number]; test: [number, number] } {
  const nVal = Math.round(n * validation);
  const nTest = Math.round(n * test);
  const nTrain = n - nVal - nTest;
  return { train: [0, nTrain], validation: [nTrain, nTrain + nVal], test: [nTrain + nVal, n] };
}
