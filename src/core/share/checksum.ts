/**
 * FNV-1a over UTF-16 code units, as 8 hex digits. Not for security: it catches
 * links that a chat app or a careless copy changed in a way that still
 * decompresses to valid JSON (a mutated character mid-stream often does).
 */
export function fnv1a32(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
