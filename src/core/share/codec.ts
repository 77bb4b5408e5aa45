/**
 * Share links: `#v1/<payload>`, where the payload is lz-string's URI-safe
 * compression (`A–Z a–z 0–9 + - $`, no padding) of a small JSON object
 *
 *   { "d": drill id, "c": code, "x"?: custom drill definition, "k": checksum }
 *
 * A `v1` link must open in every later version: never change what `v1` means,
 * add `v2` instead and keep this decoder (tests/fixtures/share holds frozen links).
 *
 * Nothing here throws at callers: input from a URL is untrusted, and every
 * failure comes back as a `ShareError` whose message the learner can act on.
 */
import { CUSTOM_DRILL_PREFIX, restoreCustomDrill, type CustomDrillDefinition } from '../custom-drill';
import { fnv1a32 } from './checksum';
import { lz } from './lz';
import type { DecodeResult, EncodeResult, ShareError, SharePayload } from './types';

export const SHARE_VERSION = 'v1';

/**
 * Longest payload we accept, in characters after `#v1/`. Big enough for a long
 * solution (typical drill code compresses to a third or less), small enough that
 * a link survives chat apps. It also bounds lz-string's worst case, which we
 * cannot cap while it runs: a crafted 12,349-character link inflates to 20 M
 * characters (~0.2 s, ~100 MB) before MAX_JSON_CHARS rejects it.
 */
export const MAX_PAYLOAD_CHARS = 12_000;

/** Longest code we put in a link, before compression. */
export const MAX_CODE_CHARS = 100_000;

/** Refuse decompressed text beyond this: no honest v1 payload is larger. */
const MAX_JSON_CHARS = MAX_CODE_CHARS + 80_000;

const PAYLOAD_ALPHABET = /^[A-Za-z0-9+\-$]*$/;
const DRILL_ID = /^[\w-]{1,64}$/;

function fail(kind: ShareError['kind'], message: string): { ok: false; error: ShareError } {
  return { ok: false, error: { kind, message } };
}

function checksumOf(drillId: string, code: string, custom: CustomDrillDefinition | undefined): string {
  return fnv1a32(JSON.stringify([drillId, code, custom ?? null]));
}

/** Builds `#v1/…` for a drill and its code (and, for a custom drill, its definition). */
export function encodeShareLink(payload: SharePayload): EncodeResult {
  if (!DRILL_ID.test(payload.drillId)) return fail('invalid', `“${payload.drillId.slice(0, 64)}” is not a drill id that can be shared.`);
  if (payload.code.length > MAX_CODE_CHARS) {
    return fail('too-long', `Your code is ${payload.code.length.toLocaleString('en')} characters; links hold at most ${MAX_CODE_CHARS.toLocaleString('en')}. Export your work to a file instead (Settings → Export).`);
  }
  if (payload.custom && payload.custom.id !== payload.drillId) return fail('invalid', 'The custom drill’s id does not match the drill being shared.');
  const wire: Record<string, unknown> = { d: payload.drillId, c: payload.code };
  if (payload.custom) wire.x = payload.custom;
  wire.k = checksumOf(payload.drillId, payload.code, payload.custom);
  const compressed = lz.compressToEncodedURIComponent(JSON.stringify(wire));
  if (compressed.length > MAX_PAYLOAD_CHARS) {
    return fail('too-long', `This code makes a link of ${compressed.length.toLocaleString('en')} characters, over the ${MAX_PAYLOAD_CHARS.toLocaleString('en')} a link may have. Shorten the code or export your work to a file instead (Settings → Export).`);
  }
  return { ok: true, hash: `#${SHARE_VERSION}/${compressed}` };
}

/** Accepts a whole URL, `#v1/…` or `v1/…`; pasted links often carry spaces or line breaks. */
function splitLink(input: string): { version: number; payload: string } | ShareError {
  const text = input.replace(/\s+/g, '');
  const hashAt = text.indexOf('#');
  const fragment = hashAt >= 0 ? text.slice(hashAt + 1) : text;
  const m = /^v(\d{1,6})\/(.*)$/s.exec(fragment);
  if (!m) return { kind: 'not-a-link', message: 'This is not a Tensor Dojo share link (they look like …#v1/ followed by letters and digits).' };
  return { version: Number(m[1]), payload: m[2]! };
}

function damaged(detail: string): { ok: false; error: ShareError } {
  return fail('damaged', `This link is damaged or incomplete (${detail}). Ask for the link again, and copy all of it.`);
}

export interface DecodeOptions {
  /** Whether this version has a shipped drill with that id; without it, any id is accepted. */
  isKnownDrill?: (id: string) => boolean;
}

export function decodeShareLink(input: string, options: DecodeOptions = {}): DecodeResult {
  try {
    return decode(input, options);
  } catch {
    // Defence in depth: the steps above are written not to throw, but a bug here
    // must never take the page down with it.
    return damaged('it could not be read');
  }
}

function decode(input: string, options: DecodeOptions): DecodeResult {
  if (typeof input !== 'string') return fail('not-a-link', 'There is no link to open.');
  const parts = splitLink(input);
  if ('kind' in parts) return { ok: false, error: parts };
  if (parts.version !== 1) {
    return parts.version > 1
      ? fail('newer-version', `This link was made by a newer version of Tensor Dojo (format v${parts.version}). Update the app (reload it while online) and open the link again.`)
      : fail('not-a-link', `There is no link format v${parts.version}.`);
  }
  let payload = parts.payload;
  if (payload === '') return fail('empty', 'This link has no drill in it: it ends right after “#v1/”. Copy the whole link.');
  // Some chat apps percent-encode `$` or `+`.
  if (payload.includes('%')) {
    try {
      payload = decodeURIComponent(payload);
    } catch {
      return damaged('it has a broken %-escape');
    }
  }
  if (payload.length > MAX_PAYLOAD_CHARS) {
    return fail('too-long', `This link is ${payload.length.toLocaleString('en')} characters long; links up to ${MAX_PAYLOAD_CHARS.toLocaleString('en')} are opened. It was not read.`);
  }
  if (!PAYLOAD_ALPHABET.test(payload)) return damaged('it contains characters a share link never has');

  const json = lz.decompressFromEncodedURIComponent(payload);
  if (typeof json !== 'string' || json === '') return damaged('it does not decompress');
  if (json.length > MAX_JSON_CHARS) return fail('too-long', 'This link unpacks to more text than any drill link holds, so it was not opened.');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return damaged('its content is cut off or altered');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return damaged('its content is not a drill');
  const wire = raw as Record<string, unknown>;
  const { d, c, x, k } = wire;
  if (typeof d !== 'string' || typeof c !== 'string' || typeof k !== 'string') return damaged('the drill or the code is missing');
  if (checksumOf(d, c, x as CustomDrillDefinition | undefined) !== k) return damaged('its checksum does not match');
  if (!DRILL_ID.test(d)) return fail('invalid', 'This link names a drill id that is not valid.');
  if (c.length > MAX_CODE_CHARS) return fail('too-long', 'The code in this link is longer than links may hold, so it was not opened.');

  let custom: CustomDrillDefinition | undefined;
  if (x !== undefined) {
    const restored = restoreCustomDrill(x, options.isKnownDrill);
    if (!restored.ok) return fail('invalid', restored.error);
    custom = restored.value;
    if (custom.id !== d) return fail('invalid', 'This link’s custom drill does not match the drill it names.');
  } else if (d.startsWith(CUSTOM_DRILL_PREFIX)) {
    return fail('invalid', `This link names the custom drill “${d}” but does not carry its definition.`);
  }

  const result: SharePayload = custom ? { drillId: d, code: c, custom } : { drillId: d, code: c };
  if (!custom && options.isKnownDrill && !options.isKnownDrill(d)) {
    return {
      ok: false,
      error: {
        kind: 'unknown-drill',
        message: `This link is for the drill “${d}”, which this version of Tensor Dojo does not have. It may come from a newer version; you can still read and copy the code.`,
      },
      payload: result,
    };
  }
  return { ok: true, payload: result };
}
