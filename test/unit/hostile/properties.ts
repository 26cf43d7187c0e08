/**
 * What must hold for any file, however broken: the loader never throws, and every problem
 * has a file, a line and column inside that file, words in both languages and one line.
 */
import { isOneLine } from '../../../src/content/echo.ts';
import { CATALOGUES } from '../../../src/content/messages.ts';
import { formatProblem, type Problem } from '../../../src/content/problem.ts';
import { checkFile } from '../../../tools/lib/check-file.ts';
import { ProblemSink } from '../../../tools/lib/source-file.ts';
import type { BrokenFile } from './mutations.ts';
import { REL, SCHEMAS } from './seeds.ts';

const lenient = new TextDecoder('utf-8');
const fatal = new TextDecoder('utf-8', { fatal: true });

export function isUtf8(bytes: Uint8Array): boolean {
  try {
    fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function fail(why: string, p?: Problem): never {
  throw new Error(`${why}${p ? `: ${JSON.stringify({ ...p, params: Object.keys(p.params) })}` : ''}`);
}

/** The problems of one file, through the loader's per-file path. */
export function problemsOf(f: BrokenFile): Problem[] {
  const sink = new ProblemSink();
  checkFile(f.bytes, REL[f.kind], REL[f.kind], SCHEMAS[f.kind], sink);
  return sink.list;
}

/** Line lengths of a file as the loader counts them (UTF-16 units, BOM dropped, "\n" ends a line). */
export function lineLengths(bytes: Uint8Array): number[] {
  return lenient.decode(bytes).split('\n').map((l) => l.length);
}

/** Throws, naming the problem, unless every one is located in its file and reads as one line. */
export function assertLocated(problems: Problem[], files: Map<string, Uint8Array>): void {
  const lengths = new Map<string, number[]>();
  for (const p of problems) {
    const bytes = files.get(p.file);
    if (bytes) {
      const lines = lengths.get(p.file) ?? lineLengths(bytes);
      lengths.set(p.file, lines);
      if (!Number.isInteger(p.line) || p.line < 1 || p.line > lines.length) fail(`line ${p.line} of ${lines.length}`, p);
      if (!Number.isInteger(p.col) || p.col < 1 || p.col > lines[p.line - 1]! + 1) fail(`col ${p.col} past the line's end`, p);
    } else if (!(p.line === 1 && p.col === 1)) fail('a problem outside the files, not at 1:1', p);
    for (const lang of ['en', 'zh-Hant'] as const) {
      if (!Object.hasOwn(CATALOGUES[lang], p.code)) fail(`no ${lang} words for ${p.code}`, p);
      const line = formatProblem(p, lang);
      if (!isOneLine(line)) fail(`a message over more than one line: ${JSON.stringify(line.slice(0, 200))}`, p);
      if (line.length > 2000) fail(`a message of ${line.length} characters`, p);
    }
  }
}

/** The properties of one broken file, checked alone. */
export function assertFileProperties(f: BrokenFile): void {
  const problems = problemsOf(f);
  assertLocated(problems, new Map([[REL[f.kind], f.bytes]]));
  const notUtf8 = problems.some((p) => p.code === 'not-utf8' && p.severity === 'error');
  if (notUtf8 === isUtf8(f.bytes)) fail(notUtf8 ? 'a UTF-8 file refused as not UTF-8' : 'a file that is not UTF-8 not refused as such');
}
