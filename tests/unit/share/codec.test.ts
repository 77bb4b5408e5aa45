import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeShareLink, encodeShareLink, MAX_CODE_CHARS, MAX_PAYLOAD_CHARS, type DecodeResult } from '../../../src/core/share';
import { lz } from '../../../src/core/share/lz';
import { mulberry32, randomCode } from './random';

const fixtures = JSON.parse(readFileSync('tests/fixtures/share/v1-links.json', 'utf8'));
const known = (id: string) => ['auto-mpg', 'mnist-cnn'].includes(id);

function hashOf(drillId: string, code: string): string {
  const r = encodeShareLink({ drillId, code });
  if (!r.ok) throw new Error(r.error.message);
  return r.hash;
}

function errorKind(r: DecodeResult): string | undefined {
  return r.ok ? undefined : r.error.kind;
}

describe('share link round trip', () => {
  it('gives back the drill and the exact code for random programs, unicode included', () => {
    const rand = mulberry32(20240611);
    for (let i = 0; i < 300; i++) {
      const code = randomCode(rand, Math.floor(rand() * 2000));
      const hash = hashOf('auto-mpg', code);
      expect(hash).toMatch(/^#v1\/[A-Za-z0-9+\-$]+$/);
      const back = decodeShareLink(hash, { isKnownDrill: known });
      expect(back).toEqual({ ok: true, payload: { drillId: 'auto-mpg', code } });
    }
  });

  it('keeps lone surrogates, NULs and line-ending styles byte for byte', () => {
    for (const code of ['', '\u0000', '\ud800x\udfff', 'a\r\nb\rc\n', '\u202e rtl', '𝕏'.repeat(500)]) {
      const back = decodeShareLink(hashOf('auto-mpg', code));
      expect(back.ok && back.payload.code).toBe(code);
    }
  });

  it('accepts a whole URL, a pasted link with line breaks and %-escaped characters', () => {
    const hash = hashOf('auto-mpg', 'const x = 1; // $$$ +++ ---');
    const url = `https://someone.github.io/dojo/index.html${hash}`;
    expect(decodeShareLink(url).ok).toBe(true);
    expect(decodeShareLink(`  ${url.slice(0, 40)}\n${url.slice(40)}  `).ok).toBe(true);
    expect(decodeShareLink(url.replace(/\$/g, '%24').replace(/\+/g, '%2B')).ok).toBe(true);
  });

  it('carries a custom drill definition and validates it', () => {
    const { custom } = fixtures.custom;
    const r = encodeShareLink({ drillId: custom.id, code: 'x', custom });
    expect(r.ok).toBe(true);
    const back = decodeShareLink(r.ok ? r.hash : '', { isKnownDrill: known });
    expect(back).toEqual({ ok: true, payload: { drillId: custom.id, code: 'x', custom } });
    // The same definition on a base this version lacks is refused with the reason.
    const missingBase = decodeShareLink(r.ok ? r.hash : '', { isKnownDrill: () => false });
    expect(errorKind(missingBase)).toBe('invalid');
    expect(!missingBase.ok && missingBase.error.message).toMatch(/auto-mpg/);
  });
});

describe('frozen v1 links (tests/fixtures/share/v1-links.json)', () => {
  it('still opens the shipped-drill link made by the first version', () => {
    const r = decodeShareLink(fixtures.shipped.link, { isKnownDrill: known });
    expect(r).toEqual({ ok: true, payload: { drillId: fixtures.shipped.drillId, code: fixtures.shipped.code } });
    expect(fixtures.shipped.code).toContain('燃費');
  });

  it('still opens the custom-drill link made by the first version', () => {
    const r = decodeShareLink(fixtures.custom.link, { isKnownDrill: known });
    expect(r).toEqual({ ok: true, payload: { drillId: fixtures.custom.drillId, code: fixtures.custom.code, custom: fixtures.custom.custom } });
  });
});

describe('links that cannot be opened', () => {
  const goodCode = 'export default async function train() { return model; }\n'.repeat(20);
  const good = hashOf('auto-mpg', goodCode);

  it('says a link to an unknown drill is unknown, and still hands over the code', () => {
    const r = decodeShareLink(hashOf('time-travel', 'code here'), { isKnownDrill: known });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('unknown-drill');
    expect(r.error.message).toContain('time-travel');
    expect(r.payload?.code).toBe('code here');
  });

  it('reports every truncation of a link as damaged or empty', () => {
    for (let cut = 4; cut < good.length; cut++) {
      const r = decodeShareLink(good.slice(0, cut));
      if (r.ok) {
        // The last characters hold the end-of-stream code and padding bits: losing them loses no content.
        expect(cut).toBeGreaterThanOrEqual(good.length - 3);
        expect(r.payload.code).toBe(goodCode);
        continue;
      }
      expect(['damaged', 'empty']).toContain(errorKind(r));
    }
  });

  it('refuses oversized links before decompressing them', () => {
    const r = decodeShareLink(`#v1/${'A'.repeat(MAX_PAYLOAD_CHARS + 1)}`);
    expect(errorKind(r)).toBe('too-long');
    expect(!r.ok && r.error.message).toMatch(/12,001/);
  });

  it('reads a link of exactly the maximum length (refusing only longer ones)', () => {
    const valid = hashOf('auto-mpg', 'x').slice('#v1/'.length);
    // Padded to the limit (lz-string stops at its end marker, so the padding is ignored).
    const atLimit = decodeShareLink(`#v1/${valid}${'A'.repeat(MAX_PAYLOAD_CHARS - valid.length)}`);
    expect(errorKind(atLimit)).not.toBe('too-long');
    const over = decodeShareLink(`#v1/${valid}${'A'.repeat(MAX_PAYLOAD_CHARS - valid.length + 1)}`);
    expect(errorKind(over)).toBe('too-long');
  });

  it('refuses a link that names a custom drill without carrying its definition, saying so', () => {
    // No link the lab writes is like this; a hand-edited or truncated one may be.
    const forged = hashOf('custom-abc123', 'x');
    const r = decodeShareLink(forged);
    expect(r).toEqual({ ok: false, error: { kind: 'invalid', message: 'This link names the custom drill “custom-abc123” but does not carry its definition.' } });
  });

  it('refuses a small link that inflates to a huge text', () => {
    const bomb = lz.compressToEncodedURIComponent('a'.repeat(1_000_000));
    expect(bomb.length).toBeLessThan(MAX_PAYLOAD_CHARS);
    expect(errorKind(decodeShareLink(`#v1/${bomb}`))).toBe('too-long');
  });

  it('will not make a link for code that is too long, and says what to do', () => {
    const r = encodeShareLink({ drillId: 'auto-mpg', code: 'x'.repeat(MAX_CODE_CHARS + 1) });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/Export/);
    // Random text barely compresses: under the code limit but over the link limit.
    const rand = mulberry32(7);
    const noisy = encodeShareLink({ drillId: 'auto-mpg', code: randomCode(rand, 40_000) });
    expect(!noisy.ok && noisy.error.kind).toBe('too-long');
  });

  it('names newer formats, and other text, for what they are', () => {
    expect(errorKind(decodeShareLink('#v2/abc'))).toBe('newer-version');
    expect(errorKind(decodeShareLink('#/drill/auto-mpg'))).toBe('not-a-link');
    expect(errorKind(decodeShareLink('hello'))).toBe('not-a-link');
    expect(errorKind(decodeShareLink('#v1/'))).toBe('empty');
    expect(errorKind(decodeShareLink('#v1/abc def!'))).toBe('damaged');
  });

  it('detects a well-formed payload whose content was altered (checksum)', () => {
    const wire = { d: 'auto-mpg', c: 'original', k: '00000000' };
    expect(errorKind(decodeShareLink(`#v1/${lz.compressToEncodedURIComponent(JSON.stringify(wire))}`))).toBe('damaged');
  });

  it('rejects valid JSON that is not a share payload', () => {
    for (const json of ['null', '[]', '42', '"s"', '{"d":1,"c":"x","k":"x"}', '{"d":"a"}']) {
      expect(errorKind(decodeShareLink(`#v1/${lz.compressToEncodedURIComponent(json)}`)), json).toBe('damaged');
    }
  });
});
