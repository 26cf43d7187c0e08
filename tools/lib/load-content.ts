/**
 * Reads a content folder, checks every file and returns what is valid plus every problem,
 * located. Never throws for bad content: one bad file never hides the rest.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as v from 'valibot';
import { problemsFromIssue, type RawProblem } from '../../src/content/issues.ts';
import type { Problem } from '../../src/content/problem.ts';
import { sortProblems } from '../../src/content/problem.ts';
import { keysAt } from '../../src/content/schema-keys.ts';
import {
  type CompiledItem, type Item, ItemSchema, type Screen, ScreenSchema, type Settings, SettingsSchema,
} from '../../src/content/schema.ts';
import { crossCheck } from './cross-checks.ts';
import { JsonSource } from './json-source.ts';
import { ProblemSink, type SourceFile } from './source-file.ts';

export { ProblemSink, type SourceFile };

export interface LoadedContent {
  dir: string;
  settings: Settings;
  screens: Screen[];
  /** Valid items with their ids, sorted by id. */
  items: CompiledItem[];
  /** Item source files by id, for locating problems and hashing. */
  itemFiles: Map<string, SourceFile<CompiledItem>>;
  /** How many .json files there are under items/, valid or not. */
  itemFileCount: number;
  problems: Problem[];
}

export interface LoadOptions {
  /** Build instant, for "can no longer be shown" warnings; omitted = no such warnings. */
  now?: number;
}

type AnySchema = v.GenericSchema;

export function toPosix(p: string): string {
  return p.split(sep).join('/');
}

function listJson(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .map(toPosix)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

/**
 * A misspelt key ("titel") also makes the real one ("title") missing; the "did you mean" says
 * it all, so the missing-key problem is dropped.
 */
function withoutEchoes(raw: RawProblem[]): RawProblem[] {
  const meant = new Set(raw.filter((p) => p.code === 'unknown-key' && p.params.suggestion)
    .map((p) => `${p.path.slice(0, -1).join('/')}|${p.params.suggestion}`));
  return raw.filter((p) => !(p.code === 'missing-key' && meant.has(`${p.path.join('/')}|${p.params.key}`)));
}

/** Parses and schema-checks one file; returns its data when it has no error. */
function readFile<T>(abs: string, file: string, rel: string, schema: AnySchema, sink: ProblemSink): SourceFile<T> | undefined {
  const source = new JsonSource(readFileSync(abs, 'utf8').replace(/^\uFEFF/, ''));
  if (!source.ok) {
    // One slip often trips two parser rules at the same spot; report it once.
    const seen = new Set<number>();
    for (const p of source.syntaxProblems()) {
      if (!seen.has(p.offset)) sink.add(file, source, p);
      seen.add(p.offset);
    }
    return undefined;
  }
  const before = sink.errorCount;
  for (const d of source.duplicateKeys()) {
    sink.add(file, source, { path: [], offset: d.offset, code: 'duplicate-key', params: { key: d.key }, severity: 'error' });
  }
  const value: unknown = JSON.parse(source.text);
  const result = v.safeParse(schema, value, { abortEarly: false });
  const raw = (result.issues ?? []).flatMap((issue) => problemsFromIssue(issue, (path) => keysAt(schema, path)));
  for (const p of withoutEchoes(raw)) sink.add(file, source, p);
  if (!result.success || sink.errorCount > before) return undefined;
  return { file, rel, source, data: result.output as T };
}

export function loadContent(dir: string, options: LoadOptions = {}): LoadedContent {
  const sink = new ProblemSink();
  const shown = (abs: string) => toPosix(relative(process.cwd(), abs)) || abs;

  const settingsAbs = join(dir, 'settings.json');
  const settingsFile = existsSync(settingsAbs)
    ? readFile<Settings>(settingsAbs, shown(settingsAbs), 'settings.json', SettingsSchema, sink)
    : undefined;
  const settings: Settings = settingsFile?.data ?? {};

  const screenFiles: SourceFile<Screen>[] = [];
  for (const f of listJson(join(dir, 'screens'))) {
    const abs = join(dir, 'screens', f);
    if (!f.endsWith('.json')) continue;
    const sf = readFile<Screen>(abs, shown(abs), `screens/${f}`, ScreenSchema, sink);
    if (sf) screenFiles.push(sf);
  }

  const itemFiles = new Map<string, SourceFile<CompiledItem>>();
  let itemFileCount = 0;
  for (const f of listJson(join(dir, 'items'))) {
    const abs = join(dir, 'items', f);
    if (!f.endsWith('.json')) {
      if (!/(^|\/)(\.|README|readme)/.test(f)) {
        sink.list.push({ file: shown(abs), line: 1, col: 1, severity: 'warning', code: 'not-json-file', params: { file: f } });
      }
      continue;
    }
    itemFileCount++;
    const sf = readFile<Item>(abs, shown(abs), `items/${f}`, ItemSchema, sink);
    if (!sf) continue;
    const id = f.slice(0, -'.json'.length);
    const { $schema: _, ...fields } = sf.data;
    itemFiles.set(id, { ...sf, data: { id, ...fields } });
  }

  const { screens, items } = crossCheck({ dir, settings, settingsFile, screenFiles, itemFiles, sink, now: options.now });
  return { dir, settings, screens, items, itemFiles, itemFileCount, problems: sortProblems(sink.list) };
}
