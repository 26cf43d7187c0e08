/**
 * The loader's path for one file: bytes → UTF-8 text → JSON → schema. Every problem leaves
 * located (file:line:col); nothing an editor can put in a file makes it throw.
 */
import * as v from 'valibot';
import { type JsonPath, problemsFromIssue, type RawProblem } from '../../src/content/issues.ts';
import { keysAt, objectBranchesAt } from '../../src/content/schema-keys.ts';
import { JsonSource } from './json-source.ts';
import type { ProblemSink, SourceFile } from './source-file.ts';
import { decodeUtf8 } from './utf8.ts';

export type AnySchema = v.GenericSchema;

/**
 * A misspelt key ("titel") also makes the real one ("title") missing; the "did you mean" says
 * it all, so the missing-key problem is dropped.
 */
function withoutEchoes(raw: RawProblem[]): RawProblem[] {
  const meant = new Set(raw.filter((p) => p.code === 'unknown-key' && p.params.suggestion)
    .map((p) => `${p.path.slice(0, -1).join('/')}|${p.params.suggestion}`));
  return raw.filter((p) => !(p.code === 'missing-key' && meant.has(`${p.path.join('/')}|${p.params.key}`)));
}

/** JSON.parse, which the parser above has already accepted; its offset should it disagree. */
function parseJson(text: string): { value: unknown } | { offset: number } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    return { offset: Number(/position (\d+)/.exec(String(e))?.[1] ?? 0) };
  }
}

/**
 * Checks one file's bytes against its schema; returns its data when it has no error. `file` is
 * the path shown to editors, `rel` the path inside the content folder.
 */
export function checkFile<T>(bytes: Uint8Array, file: string, rel: string, schema: AnySchema, sink: ProblemSink): SourceFile<T> | undefined {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const params = { byte: decoded.byte, ...(decoded.encoding ? { encoding: decoded.encoding } : {}) };
    sink.list.push({ file, ...decoded.position, severity: 'error', code: 'not-utf8', params });
    return undefined;
  }
  // The decoder has dropped one BOM (as editors' tools expect); a second one is a syntax error.
  const source = new JsonSource(decoded.text);
  if (!source.ok) {
    for (const p of source.syntaxProblems()) sink.add(file, source, p);
    return undefined;
  }
  const before = sink.errorCount;
  for (const d of source.duplicateKeys()) {
    sink.add(file, source, { path: [], offset: d.offset, code: 'duplicate-key', params: { key: d.key }, severity: 'error' });
  }
  const parsed = parseJson(source.text);
  if (!('value' in parsed)) {
    sink.add(file, source, { path: [], offset: parsed.offset, code: 'json-syntax', params: { syntax: 'InvalidSymbol' }, severity: 'error' });
    return undefined;
  }
  const result = v.safeParse(schema, parsed.value, { abortEarly: false });
  const ctx = { branchesAt: (path: JsonPath) => objectBranchesAt(schema, path) };
  const raw = (result.issues ?? []).flatMap((issue) => problemsFromIssue(issue, (path) => keysAt(schema, path), ctx));
  for (const p of withoutEchoes(raw)) sink.add(file, source, p);
  if (!result.success || sink.errorCount > before) return undefined;
  return { file, rel, source, data: result.output as T };
}
