/**
 * What editors wrote, made safe to echo inside a one-line `file:line:col: message`: control
 * characters, line and paragraph separators, bidi controls, BOMs and lone surrogates become
 * visible escapes ("\n", "\u202e"), and a long value is clipped ("…") so that a 10 MB text
 * does not become a 10 MB line.
 */

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Characters that would break the line, hide text or reorder it on a terminal. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The longest echo of one value, in UTF-16 units, before the ellipsis. */
export const ECHO_MAX = 120;

export function echo(text: string, max = ECHO_MAX): string {
  let s = text;
  if (s.length > max) {
    // Do not cut a surrogate pair in two.
    const end = /[\ud800-\udbff]/.test(s[max - 1] ?? '') ? max - 1 : max;
    s = `${s.slice(0, end)}…`;
  }
  return s.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether a text fits on one line once printed (what `echo` guarantees). */
export function isOneLine(text: string): boolean {
  return !/[\n\r\u2028\u2029\u0085\u000b\u000c]/.test(text);
}
