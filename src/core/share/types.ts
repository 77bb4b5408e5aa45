/** What a share link carries, and how decoding can fail. */
import type { CustomDrillDefinition } from '../custom-drill';

export interface SharePayload {
  /** A shipped drill's id, or a custom drill's id when `custom` is set. */
  drillId: string;
  code: string;
  custom?: CustomDrillDefinition;
}

export type ShareErrorKind =
  /** Nothing after `#v1/`. */
  | 'empty'
  /** Not `#v<n>/…` at all. */
  | 'not-a-link'
  /** `#v2/…` or later: made by a newer Tensor Dojo. */
  | 'newer-version'
  /** Longer than we accept (encode: the code is too big to share; decode: refused unread). */
  | 'too-long'
  /** Truncated, mistyped or altered on the way. */
  | 'damaged'
  /** Decodes, but the content is not a drill and code. */
  | 'invalid'
  /** A well-formed link to a drill this version does not have. */
  | 'unknown-drill';

export interface ShareError {
  kind: ShareErrorKind;
  /** One or two sentences for the learner: what is wrong and what to try. */
  message: string;
}

export type DecodeResult =
  | { ok: true; payload: SharePayload }
  /** For 'unknown-drill' the payload is given too, so the code can still be read and copied. */
  | { ok: false; error: ShareError; payload?: SharePayload };

export type EncodeResult = { ok: true; hash: string } | { ok: false; error: ShareError };
