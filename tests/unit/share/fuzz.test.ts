/**
 * The decoder meets whatever a URL bar holds. Thousands of random and mutated
 * links must each come back as a result, never an exception, and a mutated link
 * must never silently open as different code.
 */
import { describe, expect, it } from 'vitest';
import { decodeShareLink, encodeShareLink } from '../../../src/core/share';
import { mulberry32, randomCode } from './random';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const known = (id: string) => id === 'auto-mpg';

function expectResult(input: string): void {
  let r;
  try {
    r = decodeShareLink(input, { isKnownDrill: known });
  } catch (e) {
    throw new Error(`decodeShareLink threw on ${JSON.stringify(input.slice(0, 80))}: ${String(e)}`, { cause: e });
  }
  expect(typeof r.ok).toBe('boolean');
  if (!r.ok) expect(r.error.message.length).toBeGreaterThan(10);
}

describe('decoder fuzz', () => {
  it('never throws on random text', () => {
    const rand = mulberry32(1);
    for (let i = 0; i < 3000; i++) {
      const len = Math.floor(rand() * 300);
      const body = rand() < 0.5 ? Array.from({ length: len }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join('') : randomCode(rand, len);
      const input = rand() < 0.8 ? `#v1/${body}` : body;
      expectResult(input);
      expect(decodeShareLink(input).ok).toBe(false);
    }
  });

  it('never throws on mutated real links, and never opens them as other code', () => {
    const rand = mulberry32(2);
    let opened = 0;
    for (let i = 0; i < 3000; i++) {
      const code = randomCode(rand, 20 + Math.floor(rand() * 400));
      const r = encodeShareLink({ drillId: 'auto-mpg', code });
      if (!r.ok) throw new Error(r.error.message);
      const chars = [...r.hash.slice(4)];
      const edits = 1 + Math.floor(rand() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(rand() * chars.length);
        const op = rand();
        if (op < 0.4) chars[at] = ALPHABET[Math.floor(rand() * ALPHABET.length)]!;
        else if (op < 0.6) chars.splice(at, 1);
        else if (op < 0.8) chars.splice(at, 0, ALPHABET[Math.floor(rand() * ALPHABET.length)]!);
        else chars.splice(at, 0, String.fromCharCode(Math.floor(rand() * 0xffff)));
      }
      const mutated = `#v1/${chars.join('')}`;
      expectResult(mutated);
      const back = decodeShareLink(mutated, { isKnownDrill: known });
      if (back.ok) {
        opened++;
        // Only a no-op mutation (e.g. trailing bits that carry nothing) may open, and only as the same code.
        expect(back.payload).toEqual({ drillId: 'auto-mpg', code });
      }
    }
    expect(opened).toBeLessThan(3000);
  });
});
