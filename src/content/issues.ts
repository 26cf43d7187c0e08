/**
 * Turns valibot issues into content problems: a code, its params and the JSON path of the
 * offending value (or key). Pure: the location in the file is found by the caller.
 */
import { type BaseIssue, type GenericSchema, safeParse } from 'valibot';
import { closest } from './closest.ts';
import type { Params } from './messages.ts';
import { LINK_MAX_BYTES } from './schema.ts';

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
  'bad-date-or-datetime', 'bad-time', 'bad-image-type', 'bad-video-type', 'bad-link', 'bad-key', 'bad-month-day',
  'bad-time-zone', 'bad-screen-id', 'bad-fleet-url',
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

/**
 * A value as the editor wrote it, short. Never `String(value)`: an object from JSON may have
 * a "toString" key that is not a function, and then String() throws.
 */
function shortJson(input: unknown): string {
  let s: string | undefined;
  try {
    s = JSON.stringify(input);
  } catch {
    s = undefined;
  }
  s ??= describeReceived(input);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/** The text an issue is about: the string itself, else its JSON. */
function textOf(input: unknown): string {
  return typeof input === 'string' ? input : shortJson(input);
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
export interface IssueContext {
  /** The path the issue's own path starts from (a union branch's issues start at the union). */
  base?: JsonPath;
  /** The object branches of a union at a path, to name the nearest one. */
  branchesAt?: (path: JsonPath) => unknown[];
}

export function problemsFromIssue(issue: Issue, knownKeys: (path: JsonPath) => string[], ctx: IssueContext = {}): RawProblem[] {
  const base = ctx.base ?? [];
  const path = [...base, ...pathOf(issue)];
  const err = (code: string, params: Params, atKey = false): RawProblem[] => [
    { path, code, params, severity: 'error', ...(atKey ? { atKey } : {}) },
  ];

  if (issue.message === 'link-too-long' && typeof issue.input === 'string') {
    return err(issue.message, { length: new TextEncoder().encode(issue.input).length, max: LINK_MAX_BYTES });
  }
  if (CUSTOM_CODES.has(issue.message)) return err(issue.message, { value: textOf(issue.input) });

  if (issue.type === 'union' && issue.issues) {
    // LocalText and observance rules: report the branch that matches the value's shape.
    const input = issue.input;
    if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
      // The branches' issues have paths from the union's value, not from the file's root.
      const sub = { ...ctx, base: path };
      const nearest = nearestBranch(input, ctx.branchesAt?.(path) ?? []);
      if (nearest) return dedupe(nearest.flatMap((i) => problemsFromIssue(i, knownKeys, sub)));
      const deeper = issue.issues.filter((i) => pathOf(i).length > 0 || i.type.endsWith('object'));
      const pick = deeper.length ? deeper : issue.issues;
      return dedupe(pick.flatMap((i) => problemsFromIssue(i, knownKeys, sub)));
    }
    return err('wrong-type', { expected: 'text', received: describeReceived(input), raw: shortJson(input) });
  }

  if (issue.type === 'strict_object' && issue.expected === 'never') {
    const key = String(path[path.length - 1]);
    // Known keys of every branch are offered; the key itself (known in another branch) is no hint.
    const suggestion = closest(key, knownKeys(path.slice(0, -1)).filter((k) => k !== key));
    return err('unknown-key', { key, suggestion }, true);
  }
  if (issue.received === 'undefined' && issue.expected?.startsWith('"')) {
    return [{ path: path.slice(0, -1), code: 'missing-key', params: { key: unquote(issue.expected) }, severity: 'error' }];
  }
  if (issue.type === 'picklist' || issue.type === 'literal') {
    const allowed = options(issue.expected);
    return err('unknown-value', {
      value: textOf(issue.input),
      suggestion: typeof issue.input === 'string' ? closest(issue.input, allowed) : undefined,
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

/**
 * Several object branches (observance rules): the issues of the nearest branch, the one that
 * knows most of the value's keys, then the one with the fewest issues.
 */
function nearestBranch(input: unknown, branches: unknown[]): Issue[] | undefined {
  if (branches.length < 2 || input === null || typeof input !== 'object') return undefined;
  const keys = Object.keys(input);
  let best: { strangers: number; issues: Issue[] } | undefined;
  for (const b of branches) {
    const entries = (b as { entries?: Record<string, unknown> }).entries ?? {};
    const strangers = keys.filter((k) => !Object.hasOwn(entries, k)).length;
    const r = safeParse(b as GenericSchema, input, { abortEarly: false });
    if (r.success) return undefined;
    const issues = r.issues as unknown as Issue[];
    if (!best || strangers < best.strangers || (strangers === best.strangers && issues.length < best.issues.length)) best = { strangers, issues };
  }
  return best?.issues;
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
