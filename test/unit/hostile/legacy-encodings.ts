/**
 * Files "saved as GBK or Big5": Node can decode these encodings but not encode them, so the
 * encoder is the decoder's table turned round (every two-byte code, decoded once).
 */
export type Legacy = 'gbk' | 'big5';

const tables = new Map<Legacy, Map<string, [number, number]>>();

function table(encoding: Legacy): Map<string, [number, number]> {
  let t = tables.get(encoding);
  if (t) return t;
  t = new Map();
  const dec = new TextDecoder(encoding);
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\uFFFD' && !t.has(ch)) t.set(ch, [a, b]);
    }
  }
  tables.set(encoding, t);
  return t;
}

/** The text's bytes in a legacy encoding: ASCII as is, CJK as two bytes, the rest as "?". */
export function encodeLegacy(text: string, encoding: Legacy): Uint8Array {
  const t = table(encoding);
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(t.get(ch) ?? [0x3f]));
  }
  return Uint8Array.from(out);
}
