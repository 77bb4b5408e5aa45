/**
 * Plain text out of a raw RFC 822 message: the subject plus the readable body
 * (text/plain parts preferred, else text/html with tags stripped), with
 * quoted-printable, base64 and RFC 2047 encoded words decoded. Good enough for a
 * spam classifier's input, not a general mail parser.
 */

interface Part {
  headers: Map<string, string>;
  body: string; // one char per byte (latin1), still transfer-encoded
}

function splitHead(raw: string): Part {
  const m = /\r?\n\r?\n/.exec(raw);
  const head = m ? raw.slice(0, m.index) : raw;
  const body = m ? raw.slice(m.index + m[0].length) : '';
  const headers = new Map<string, string>();
  let last = '';
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    const i = line.indexOf(':');
    if (i <= 0) continue;
    last = line.slice(0, i).trim().toLowerCase();
    // The first occurrence wins (mbox "From " lines and repeated Received: do not matter here).
    if (!headers.has(last)) headers.set(last, line.slice(i + 1).trim());
  }
  return { headers, body };
}

function param(value: string, name: string): string | undefined {
  const m = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return m ? (m[1] ?? m[2]) : undefined;
}

function bytesOf(latin1: string): Uint8Array {
  const out = new Uint8Array(latin1.length);
  for (let i = 0; i < latin1.length; i++) out[i] = latin1.charCodeAt(i) & 0xff;
  return out;
}

function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  const label = (charset ?? 'iso-8859-1').trim().toLowerCase();
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function decodeQuotedPrintable(s: string): string {
  return s.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function decodeBase64(s: string): string {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  return Buffer.from(clean, 'base64').toString('latin1');
}

function transferDecode(part: Part): string {
  const enc = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (enc.includes('quoted-printable')) return decodeQuotedPrintable(part.body);
  if (enc.includes('base64')) return decodeBase64(part.body);
  return part.body;
}

/** RFC 2047 `=?charset?Q|B?text?=` words, as used in subjects. */
export function decodeEncodedWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, cs: string, kind: string, text: string) => {
      const latin1 = kind.toUpperCase() === 'B' ? decodeBase64(text) : decodeQuotedPrintable(text.replace(/_/g, ' '));
      return decodeCharset(bytesOf(latin1), cs);
    });
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", copy: '©', reg: '®' };

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(br|p|div|tr|li|h\d)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}

/** Readable text parts of a (possibly multipart) message, depth-first. */
function textParts(part: Part, depth = 0): { type: string; text: string }[] {
  const ctype = part.headers.get('content-type') ?? 'text/plain';
  const type = ctype.split(';')[0]!.trim().toLowerCase();
  if (type.startsWith('multipart/') && depth < 8) {
    const boundary = param(ctype, 'boundary');
    if (!boundary) return [];
    const chunks = part.body.split(`--${boundary}`);
    // chunks[0] is the preamble; a chunk starting with "--" is the epilogue.
    return chunks
      .slice(1)
      .filter((c) => !c.startsWith('--'))
      .flatMap((c) => textParts(splitHead(c.replace(/^\r?\n/, '')), depth + 1));
  }
  if (type === 'message/rfc822' && depth < 8) return textParts(splitHead(part.body), depth + 1);
  if (type !== 'text/plain' && type !== 'text/html') return [];
  const text = decodeCharset(bytesOf(transferDecode(part)), param(ctype, 'charset'));
  return [{ type, text: type === 'text/html' ? htmlToText(text) : text }];
}

function tidy(s: string): string {
  return s
    .replace(/\r/g, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Cuts at `max` UTF-16 units without splitting a surrogate pair. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end);
}

/** `raw` must be the message read as latin1 (one char per byte). */
export function emailToText(raw: string, maxChars: number): { subject: string; text: string } {
  const msg = splitHead(raw);
  const subject = tidy(decodeEncodedWords(msg.headers.get('subject') ?? ''));
  const parts = textParts(msg);
  const plain = parts.filter((p) => p.type === 'text/plain');
  const chosen = plain.length > 0 ? plain : parts;
  const body = tidy(chosen.map((p) => p.text).join('\n\n'));
  return { subject, text: clip(tidy(`${subject}\n\n${body}`), maxChars) };
}
