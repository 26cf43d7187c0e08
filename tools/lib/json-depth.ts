/**
 * How deep a JSON text nests, found without recursion. The parser (jsonc-parser) recurses
 * once per level, so 100,000 "[" would overflow the stack; content files need a handful of
 * levels, and anything deeper is refused before parsing.
 */

/** The deepest nesting a content file may have. */
export const MAX_DEPTH = 64;

/**
 * The offset of the first "[" or "{" deeper than `max`, or undefined. The text is read as the
 * parser's scanner reads it, so that this count is never below the parser's depth: strings end
 * at a quote or a line break, comments are skipped, and a closer pops only its own opener (the
 * parser skips a "}" inside a list; skipped openers are counted too, which only errs high).
 */
export function tooDeepAt(text: string, max = MAX_DEPTH): number | undefined {
  const open: number[] = [];
  const n = text.length;
  // Inside a string only these matter; a native search skips a 10 MB text in milliseconds.
  const stringStop = /[\\"\n\r]/g;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (stringStop.lastIndex = i + 1; ;) {
        const m = stringStop.exec(text);
        if (!m) {
          i = n;
          break;
        }
        i = m.index;
        if (m[0] !== '\\') break;
        stringStop.lastIndex = i + 2; // the escaped character, whatever it is
      }
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 1;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      open.push(c);
      if (open.length > max) return i;
    } else if ((c === 93 /* ] */ && open.at(-1) === 91) || (c === 125 /* } */ && open.at(-1) === 123)) open.pop();
  }
  return undefined;
}
