/**
 * A JSON file with positions: strict parsing (no comments, no trailing commas) that reports
 * every syntax error, and the line:col of any value or key by its JSON path.
 */
import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { JsonPath, RawProblem } from '../../src/content/issues.ts';
import { MAX_DEPTH, tooDeepAt } from './json-depth.ts';

export interface Position {
  line: number;
  col: number;
}

/** Full-width punctuation that Chinese input methods type in place of JSON's ASCII. */
const FULL_WIDTH: Record<string, string> = { '，': ',', '：': ':', '“': '"', '”': '"', '｛': '{', '｝': '}', '［': '[', '］': ']', '＂': '"' };

/** Syntax errors reported one by one; after these, one line says how many more there are. */
const MAX_SYNTAX_PROBLEMS = 20;

export class JsonSource {
  readonly tree: Node | undefined;
  readonly errors: ParseError[] = [];
  /** Where the text nests deeper than MAX_DEPTH (then it is not parsed at all). */
  readonly tooDeep: number | undefined;
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    this.tooDeep = tooDeepAt(text);
    if (this.tooDeep !== undefined) return;
    try {
      this.tree = parseTree(text, this.errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    } catch {
      // The depth check keeps the parser's recursion short; should it ever not, still no crash.
      this.tree = undefined;
      this.tooDeep = 0;
    }
  }

  get ok(): boolean {
    return this.tooDeep === undefined && this.errors.length === 0 && this.tree !== undefined;
  }

  /** 1-based line and column (UTF-16 units, as editors count) of a character offset. */
  position(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.lineStarts[lo]! + 1 };
  }

  /** The position of the value at `path`, or of its key; the nearest existing ancestor otherwise. */
  locate(path: JsonPath, atKey = false): Position {
    if (!this.tree) return { line: 1, col: 1 };
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(this.tree, path.slice(0, n));
      if (!node) continue;
      const keyNode = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      return this.position(atKey && n === path.length && keyNode ? keyNode.offset : node.offset);
    }
    return { line: 1, col: 1 };
  }

  /** Syntax errors as problems, with a hint when full-width punctuation stands in for ASCII. */
  syntaxProblems(): (RawProblem & { offset: number })[] {
    if (this.tooDeep !== undefined) {
      return [{ path: [], offset: this.tooDeep, code: 'json-too-deep', severity: 'error', params: { max: MAX_DEPTH } }];
    }
    // One slip often trips two parser rules at the same spot; report it once. A full-width
    // character standing for ASCII trips the parser again after it: report only what is still
    // wrong once those characters are read as the ASCII they stand for.
    const follows = this.errorsAfterRepair();
    const errors = this.errors.filter((e, i, all) =>
      (i === 0 || all[i - 1]!.offset !== e.offset) && (FULL_WIDTH[this.text[e.offset] ?? ''] !== undefined || follows.has(e.offset)));
    const shown = errors.slice(0, MAX_SYNTAX_PROBLEMS).map((e): RawProblem & { offset: number } => {
      const ch = this.text[e.offset] ?? '';
      const ascii = FULL_WIDTH[ch];
      const comma = this.trailingComma(e.offset);
      return {
        path: [], offset: comma ?? e.offset, code: 'json-syntax', severity: 'error' as const,
        params: { syntax: comma !== undefined ? 'TrailingComma' : printParseErrorCode(e.error), ...(ascii ? { fullWidth: ch, ascii } : {}) },
      };
    });
    const more = errors[MAX_SYNTAX_PROBLEMS];
    if (more) shown.push({ path: [], offset: more.offset, code: 'json-more-errors', severity: 'error', params: { count: errors.length - MAX_SYNTAX_PROBLEMS } });
    return shown;
  }

  /** Offsets of the errors left when each full-width character that raised one is made ASCII (the same length). */
  private errorsAfterRepair(): Set<number> {
    const at = this.errors.filter((e) => FULL_WIDTH[this.text[e.offset] ?? ''] !== undefined).map((e) => e.offset);
    if (at.length === 0) return new Set(this.errors.map((e) => e.offset));
    const chars = [...this.text.split('')];
    for (const o of at) chars[o] = FULL_WIDTH[chars[o]!]!;
    const left: ParseError[] = [];
    parseTree(chars.join(''), left, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    return new Set(left.map((e) => e.offset));
  }

  /** The offset of a comma just before a closing "}" or "]" at `offset`, if that is the slip. */
  private trailingComma(offset: number): number | undefined {
    if (!'}]'.includes(this.text[offset] ?? 'x')) return undefined;
    let i = offset - 1;
    while (i >= 0 && /\s/.test(this.text[i]!)) i--;
    return this.text[i] === ',' ? i : undefined;
  }

  /** Keys written twice in one object (JSON.parse would silently keep the last). */
  duplicateKeys(): { key: string; offset: number }[] {
    const out: { key: string; offset: number }[] = [];
    // A work list, not recursion: the depth of a file is the editor's, not ours.
    const todo: Node[] = this.tree ? [this.tree] : [];
    for (let node = todo.pop(); node; node = todo.pop()) {
      if (node.type === 'object') {
        const seen = new Set<string>();
        for (const prop of node.children ?? []) {
          const k = prop.children?.[0];
          const key = typeof k?.value === 'string' ? k.value : undefined;
          if (k && key !== undefined && seen.has(key)) out.push({ key, offset: k.offset });
          if (key !== undefined) seen.add(key);
          if (prop.children?.[1]) todo.push(prop.children[1]);
        }
      } else if (node.type === 'array') for (const c of node.children ?? []) todo.push(c);
    }
    return out.sort((a, b) => a.offset - b.offset);
  }
}
