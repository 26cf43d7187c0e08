/**
 * Reads a content folder, checks every file and returns what is valid plus every problem,
 * located. Never throws for bad content: one bad file never hides the rest.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Problem } from '../../src/content/problem.ts';
import { sortProblems } from '../../src/content/problem.ts';
import {
  type CompiledItem, type Item, ItemSchema, type Screen, ScreenSchema, type Settings, SettingsSchema,
} from '../../src/content/schema.ts';
import { type AnySchema, checkFile } from './check-file.ts';
import type { FeedContext } from './cross-checks.ts';
import { type PublicJwk, readFeedPublicKey } from './feed-keys.ts';
import { crossCheck } from './cross-checks.ts';
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
  /** Load the folder as this feed of the root (see ./feeds.ts): no settings or screens of its own. */
  feed?: FeedContext;
  /** A delegated feed's public key when its delegation names none (default: keys/feeds/<id>.public.jwk). */
  feedKey?: (id: string) => PublicJwk | undefined;
}

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

/** Reads and checks one file (see ./check-file.ts). */
function readFile<T>(abs: string, file: string, rel: string, schema: AnySchema, sink: ProblemSink): SourceFile<T> | undefined {
  return checkFile<T>(readFileSync(abs), file, rel, schema, sink);
}

export function loadContent(dir: string, options: LoadOptions = {}): LoadedContent {
  const sink = new ProblemSink();
  const shown = (abs: string) => toPosix(relative(process.cwd(), abs)) || abs;

  const settingsAbs = join(dir, 'settings.json');
  // A feed plays under the root's settings (time zone, observances); it has no screens either.
  const settingsFile = !options.feed && existsSync(settingsAbs)
    ? readFile<Settings>(settingsAbs, shown(settingsAbs), 'settings.json', SettingsSchema, sink)
    : undefined;
  const settings: Settings = options.feed?.settings ?? settingsFile?.data ?? {};

  const screenFiles: SourceFile<Screen>[] = [];
  for (const f of options.feed ? [] : listJson(join(dir, 'screens'))) {
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

  if (itemFileCount === 0) {
    sink.list.push({ file: `${relative(process.cwd(), join(dir, 'items')) || 'items'}/`, line: 1, col: 1, severity: 'warning', code: 'no-items', params: {} });
  }
  const feedKey = options.feedKey ?? ((id: string) => readFeedPublicKey(id));
  const { screens, items } = crossCheck({
    dir, settings, settingsFile, screenFiles, itemFiles, sink, now: options.now, feed: options.feed, feedKey,
  });
  // Build options stay at build time: the screens receive the rest; each feed with its key.
  const { simplifiedFromTraditional: _build, feeds, ...rest } = settings;
  const published: Settings = options.feed ? rest
    : { ...rest, ...(feeds ? { feeds: feeds.map((f) => (f.key ? f : { ...f, key: feedKey(f.id) })) } : {}) };
  return { dir, settings: published, screens: options.feed ? [] : screens, items, itemFiles, itemFileCount, problems: sortProblems(sink.list) };
}
