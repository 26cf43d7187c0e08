/**
 * Content files must be UTF-8. A file saved as GBK or Big5 (or UTF-16) decodes to
 * replacement characters without complaint under `readFileSync(…, 'utf8')`; here it is
 * refused, with the position of the first byte that cannot be read.
 */
import type { Position } from './json-source.ts';

export type Decoded =
  | { ok: true; text: string }
  | { ok: false; position: Position; byte: string; encoding?: 'UTF-16' };

const fatal = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** The text of the bytes (a leading BOM dropped), or where and why they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: fatal.decode(bytes) };
  } catch {
    const bad = firstInvalid(bytes);
    // The bytes before the bad one are valid UTF-8: their text gives line and column.
    const prefix = lenient.decode(bytes.subarray(0, bad));
    const lastBreak = prefix.lastIndexOf('\n');
    let line = 1;
    for (let i = 0; i < prefix.length; i++) if (prefix.charCodeAt(i) === 10) line++;
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    return {
      ok: false,
      position: { line, col: prefix.length - lastBreak },
      byte: (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0'),
      ...(utf16 ? { encoding: 'UTF-16' as const } : {}),
    };
  }
}

/** The index of the first byte that does not start a well-formed UTF-8 sequence (WHATWG rules). */
export function firstInvalid(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= n; k++) {
      const t = b[i + k];
      if (t === undefined || t < (k === 1 ? lo : 0x80) || t > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return b.length;
}
