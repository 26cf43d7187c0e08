/**
 * Turns valibot issues into content problems: a code, its params and the JSON path of the
 * offending value (or key). Pure: the location in the file is found by the caller.
 */
import type { BaseIssue } from 'valibot';
import { closest } from './closest.ts';
import type { Params } from './messages.ts';

export type JsonPath = (string | number)[];

export interface RawProblem {
  path: JsonPath;
  /** Point at the key itself rather than its value (unknown keys). */
  atKey?: boolean;
  code: string;
  params: Params;
  severity: 'error' | 'warning';
}

type Issue = BaseIssue<unknown>;

const CUSTOM_CODES = new Set([
  'empty-text', 'empty-local-text', 'bad-date-format', 'impossible-date', 'bad-datetime',
  'bad-date-or-datetime', 'bad-time', 'bad-image-type', 'bad-link', 'bad-key', 'bad-month-day',
  'bad-time-zone', 'bad-screen-id',
]);

function pathOf(issue: Issue): JsonPath {
  return (issue.path ?? []).map((p) => p.key as string | number);
}

function unquote(s: string | null): string {
  return s ? s.replace(/^"(.*)"$/, '$1') : '';
}

/** The allowed options of a picklist, from valibot's `expected` text `("a" | "b")`. */
function options(expected: string | null): string[] {
  return [...(expected ?? '').matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
}

function shortJson(input: unknown): string {
  const s = JSON.stringify(input) ?? String(input);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

function describeReceived(input: unknown): string {
  if (Array.isArray(input)) return 'array';
  if (input === null) return 'null';
  return typeof input;
}

/**
 * Maps one valibot issue to problems. `knownKeys` lists the keys allowed in the object that
 * holds an unknown key, for "did you mean".
 */
export function problemsFromIssue(issue: Issue, knownKeys: (path: JsonPath) => string[]): RawProblem[] {
  const path = pathOf(issue);
  const err = (code: string, params: Params, atKey = false): RawProblem[] => [
    { path, code, params, severity: 'error', ...(atKey ? { atKey } : {}) },
  ];
  const value = typeof issue.input === 'string' ? issue.input : JSON.stringify(issue.input);

  if (CUSTOM_CODES.has(issue.message)) return err(issue.message, { value });

  if (issue.type === 'union' && issue.issues) {
    // LocalText and observance rules: report the branch that matches the value's shape.
    const input = issue.input;
    if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
      const deeper = issue.issues.filter((i) => pathOf(i).length > path.length || i.type.endsWith('object'));
      const pick = deeper.length ? deeper : issue.issues;
      // Several object branches (observance rules): take the branch with the fewest problems.
      return dedupe(pick.flatMap((i) => problemsFromIssue(i, knownKeys)));
    }
    return err('wrong-type', { expected: 'text', received: describeReceived(input), raw: shortJson(input) });
  }

  if (issue.type === 'strict_object' && issue.expected === 'never') {
    const key = String(path[path.length - 1]);
    const suggestion = closest(key, knownKeys(path.slice(0, -1)));
    return err('unknown-key', { key, suggestion }, true);
  }
  if (issue.received === 'undefined' && issue.expected?.startsWith('"')) {
    return [{ path: path.slice(0, -1), code: 'missing-key', params: { key: unquote(issue.expected) }, severity: 'error' }];
  }
  if (issue.type === 'picklist' || issue.type === 'literal') {
    const allowed = options(issue.expected);
    return err('unknown-value', {
      value,
      suggestion: closest(String(issue.input), allowed),
      allowed: allowed.length > 8 ? `${allowed.slice(0, 8).join(', ')}, …` : allowed.join(', '),
    });
  }
  if (['min_value', 'max_value', 'min_length', 'max_length'].includes(issue.type)) {
    return err('out-of-range', { expected: issue.expected ?? '', received: issue.received });
  }
  if (issue.type === 'integer') return err('not-integer', { received: issue.received });
  if (issue.kind === 'schema') {
    return err('wrong-type', { expected: issue.type, received: describeReceived(issue.input), raw: shortJson(issue.input) });
  }
  return err('wrong-type', { expected: issue.expected ?? issue.type, received: issue.received });
}

function dedupe(list: RawProblem[]): RawProblem[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = `${p.path.join('/')}|${p.code}|${JSON.stringify(p.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
