/** Seeded randomness for property-style tests: a failure reproduces from its seed. */
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

const PIECES = ['const ', 'model', '.fit(', 'await ', 'tf.layers.dense({ units: 16 })', '\n', '  ', '// ', 'é', '→', '燃費', '🚗', '"', "'", '`', '\\', '$', '{', '}', '\t'];

/** Text that looks a bit like code, with random unicode (astral and lone surrogates too). */
export function randomCode(rand: () => number, length: number): string {
  let out = '';
  while (out.length < length) {
    const r = rand();
    if (r < 0.5) out += PIECES[Math.floor(rand() * PIECES.length)];
    else if (r < 0.8) out += String.fromCharCode(32 + Math.floor(rand() * 95));
    else if (r < 0.95) out += String.fromCharCode(Math.floor(rand() * 0xffff));
    else out += String.fromCodePoint(0x10000 + Math.floor(rand() * 0xfffff));
  }
  return out.slice(0, length);
}
