/** Share links: a pure codec from drill + code (+ custom drill) to `#v1/…` and back. */
export type { DecodeResult, EncodeResult, ShareError, ShareErrorKind, SharePayload } from './types';
export { decodeShareLink, encodeShareLink, MAX_CODE_CHARS, MAX_PAYLOAD_CHARS, SHARE_VERSION, type DecodeOptions } from './codec';
