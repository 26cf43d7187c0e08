/**
 * A JSON file with positions: strict parsing (no comments, no trailing commas) that reports
 * every syntax error, and the line:col of any value or key by its JSON path.
 */
import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { JsonPath, RawProblem } from '../../src/content/issues.ts';

export interface Position {
  line: number;
  col: number;
}

/** Full-width punctuation that Chinese input methods type in place of JSON's ASCII. */
const FULL_WIDTH: Record<string, string> = { '，': ',', '：': ':', '“': '"', '”': '"', '｛': '{', '｝': '}', '［': '[', '］': ']', '＂': '"' };

export class JsonSource {
  readonly tree: Node | undefined;
  readonly errors: ParseError[] = [];
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    this.tree = parseTree(text, this.errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  }

  get ok(): boolean {
    return this.errors.length === 0 && this.tree !== undefined;
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
    return this.errors.map((e) => {
      const ch = this.text[e.offset] ?? '';
      const ascii = FULL_WIDTH[ch];
      const comma = this.trailingComma(e.offset);
      return {
        path: [], offset: comma ?? e.offset, code: 'json-syntax', severity: 'error' as const,
        params: { syntax: comma !== undefined ? 'TrailingComma' : printParseErrorCode(e.error), ...(ascii ? { fullWidth: ch, ascii } : {}) },
      };
    });
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
    const walk = (node: Node | undefined): void => {
      if (!node) return;
      if (node.type === 'object') {
        const seen = new Set<string>();
        for (const prop of node.children ?? []) {
          const k = prop.children?.[0];
          if (k && seen.has(String(k.value))) out.push({ key: String(k.value), offset: k.offset });
          if (k) seen.add(String(k.value));
          walk(prop.children?.[1]);
        }
      } else if (node.type === 'array') node.children?.forEach(walk);
    };
    walk(this.tree);
    return out;
  }
}
