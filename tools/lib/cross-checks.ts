/**
 * Checks that need more than one file: screen ids, duplicate ids, observance keys, date order,
 * pictures and films on disk (media-paths.ts), `where` against the screens, texts for each screen's locale (locale-texts.ts), and items
 * that can never be shown.
 */
import { join, relative } from 'node:path';
import { OBSERVANCES } from '../../src/content/keys.ts';
import { closest } from '../../src/content/closest.ts';
import type { CompiledItem, FeedScope, Screen, Settings } from '../../src/content/schema.ts';
import type { PublicJwk } from './feed-keys.ts';
import { refusalParams, scopeRefusal } from '../../src/content/scope.ts';
import { feedUrlProblems } from '../../src/content/feed-urls.ts';
import { localeOf, timeZoneOf } from '../../src/content/defaults.ts';
import type { JsonPath } from '../../src/content/issues.ts';
import type { ProblemSink, SourceFile } from './source-file.ts';
import { toInstant } from './instants.ts';
import { editorialProblems } from './editorial-checks.ts';
import { fillSimplified, localeProblems } from './locale-texts.ts';
import { mediaPathProblems } from './media-paths.ts';

interface Input {
  dir: string;
  settings: Settings;
  settingsFile: SourceFile<Settings> | undefined;
  screenFiles: SourceFile<Screen>[];
  itemFiles: Map<string, SourceFile<CompiledItem>>;
  sink: ProblemSink;
  now: number | undefined;
  feed?: FeedContext;
  /** The public key of a delegated feed whose delegation names none (./feed-keys.ts). */
  feedKey?: (id: string) => PublicJwk | undefined;
}

/** A feed's folder as the root delegates it: its scope, and the root's settings and screens. */
export interface FeedContext {
  id: string;
  scope: FeedScope;
  /** The root's settings (without its feeds): time zone, observances. */
  settings: Settings;
  /** The root's screens: the places a feed's items may reach. */
  screens: Screen[];
}

/** Whether an item's `where` reaches a screen: any place segment on its path, or any tag. */
export function reaches(where: string[] | undefined, screen: Screen): boolean {
  if (!where || where.length === 0) return true;
  return where.some((w) => (w.startsWith('tag:') ? (screen.tags ?? []).includes(w.slice(4)) : screen.place.includes(w)));
}

export function crossCheck(input: Input): { screens: Screen[]; items: CompiledItem[] } {
  const { dir, settings, sink, itemFiles, now } = input;
  const tz = timeZoneOf(settings);
  const siteLocale = localeOf(settings);
  const fillHans = settings.simplifiedFromTraditional === true;
  const bad = new Set<string>();
  const err = (sf: SourceFile<unknown>, path: JsonPath, code: string, params: Record<string, string | number | undefined>, atKey = false) =>
    sink.add(sf.file, sf.source, { path, code, params, severity: 'error', atKey });
  const warn = (sf: SourceFile<unknown>, path: JsonPath, code: string, params: Record<string, string | number | undefined>) =>
    sink.add(sf.file, sf.source, { path, code, params, severity: 'warning' });

  // Screens: id = file name, no duplicates.
  const screens: Screen[] = [];
  const screenIds = new Map<string, string>();
  for (const sf of input.screenFiles) {
    const expected = sf.rel.replace(/^screens\//, '').replace(/\.json$/, '');
    const other = screenIds.get(sf.data.id);
    if (sf.data.id !== expected) err(sf, ['id'], 'screen-id-mismatch', { id: sf.data.id, expected });
    else if (other) err(sf, ['id'], 'duplicate-id', { id: sf.data.id, other });
    else {
      screenIds.set(sf.data.id, sf.file);
      screens.push(sf.data);
    }
  }
  if (input.feed) screens.push(...input.feed.screens);
  else if (screens.length === 0 && input.screenFiles.length === 0) {
    sink.list.push({ file: `${relative(process.cwd(), join(dir, 'screens')) || 'screens'}/`, line: 1, col: 1, severity: 'warning', code: 'no-screens', params: {} });
  }
  const places = new Set(screens.flatMap((s) => s.place));
  const tags = new Set(screens.flatMap((s) => s.tags ?? []));
  const delegated = (settings.feeds ?? []).map((f) => f.id);
  for (const sf of input.screenFiles) {
    (sf.data.feeds ?? []).forEach((id, i) => {
      if (!delegated.includes(id)) err(sf, ['feeds', i], 'screen-feed-unknown', { value: id, suggestion: closest(id, delegated) });
    });
  }
  (settings.feeds ?? []).forEach((f, i, all) => {
    if (!f.key && !input.feedKey?.(f.id) && input.settingsFile) err(input.settingsFile, ['feeds', i], 'feed-key-missing', { feed: f.id });
    // One id, one slot of a screen's store: a second delegation of it would share the first's.
    const first = all.findIndex((g) => g.id === f.id);
    if (first < i && input.settingsFile) err(input.settingsFile, ['feeds', i, 'id'], 'feed-id-duplicate', { feed: f.id, first: first + 1 });
  });
  // Feed folders apart from the content folder and from each other (a screen's collection is per folder).
  for (const p of feedUrlProblems(settings.feeds ?? [])) {
    if (input.settingsFile) err(input.settingsFile, ['feeds', p.index, 'url'], p.code, p.params);
  }
  const observanceKeys: string[] = [...OBSERVANCES];
  (settings.observances ?? []).forEach((o, i) => {
    if (observanceKeys.includes(o.key) && input.settingsFile) {
      const builtIn = (OBSERVANCES as readonly string[]).includes(o.key);
      const first = builtIn ? undefined : observanceKeys.indexOf(o.key) - OBSERVANCES.length + 1;
      err(input.settingsFile, ['observances', i, 'key'], 'duplicate-observance', { key: o.key, first });
    } else observanceKeys.push(o.key);
  });

  // Items whose ids differ only by case would collide on Windows and macOS disks.
  const lower = new Map<string, string>();
  for (const [id, sf] of itemFiles) {
    const other = lower.get(id.toLowerCase());
    if (other) {
      err(sf, [], 'duplicate-id', { id, other: itemFiles.get(other)!.file });
      bad.add(id);
    } else lower.set(id.toLowerCase(), id);
  }

  for (const [id, sf] of itemFiles) {
    const item = sf.data;
    const before = sink.errorCount;
    const when = item.when;

    (when?.observances ?? []).forEach((o, i) => {
      if (!observanceKeys.includes(o)) {
        err(sf, ['when', 'observances', i], 'unknown-observance', { value: o, suggestion: closest(o, observanceKeys) });
      }
    });
    if (when?.from && when.until && toInstant(when.until, tz, 'end') < toInstant(when.from, tz, 'start')) {
      err(sf, ['when', 'until'], 'until-before-from', { from: when.from, until: when.until });
    }
    if (item.event && Date.parse(item.event.ends) < Date.parse(item.event.starts)) {
      err(sf, ['event', 'ends'], 'ends-before-starts', { starts: item.event.starts, ends: item.event.ends });
    }
    if (item.kind === 'event' && !item.event) err(sf, [], 'event-missing', {});

    for (const p of mediaPathProblems(dir, item)) {
      if (p.severity === 'error') err(sf, p.path, p.code, p.params);
      else warn(sf, p.path, p.code, p.params);
    }

    for (const p of editorialProblems(item)) warn(sf, p.path, p.code, p.params);

    const feed = input.feed;
    const refused = feed && scopeRefusal(item, feed.scope, feed.screens.map((s) => s.place));
    if (feed && refused) {
      err(sf, refused.at === undefined ? ['priority'] : ['where', refused.at], refused.code, refusalParams(refused, feed.id, feed.scope));
    }

    (item.where ?? []).forEach((w, i) => {
      const known = w.startsWith('tag:') ? tags.has(w.slice(4)) : places.has(w);
      if (!known) {
        const pool = w.startsWith('tag:') ? [...tags].map((t) => `tag:${t}`) : [...places];
        err(sf, ['where', i], 'where-no-screen', { value: w, suggestion: closest(w, pool) });
      }
    });

    const reached = screens.filter((s) => reaches(item.where, s));
    const seen = new Set<string>();
    for (const screen of reached) {
      const locale = screen.locale ?? siteLocale;
      if (seen.has(locale)) continue;
      seen.add(locale);
      for (const p of localeProblems(item, locale, screen.id, fillHans)) warn(sf, p.path, p.code, p.params);
    }

    if (sink.errorCount > before) bad.add(id);
    else {
      neverShown(item, reached.length > 0, now, tz).forEach(([path, why, params]) =>
        warn(sf, path, why === 'why-expired' ? 'expired' : 'never-shown', { why, ...params }));
    }
  }

  const items = [...itemFiles.keys()].filter((id) => !bad.has(id)).sort().map((id) => itemFiles.get(id)!.data)
    .map((item) => (fillHans ? fillSimplified(item) : item));
  return { screens, items };
}

/** Reasons an otherwise valid item can never be on air. `why` is a message code. */
function neverShown(item: CompiledItem, reachesAScreen: boolean, now: number | undefined, tz: string):
  [JsonPath, string, Record<string, string>][] {
  const out: [JsonPath, string, Record<string, string>][] = [];
  const when = item.when ?? {};
  for (const key of ['seasons', 'solarTerms', 'festivals', 'observances', 'weekdays', 'hours'] as const) {
    if (Array.isArray(when[key]) && when[key].length === 0) out.push([['when', key], 'why-empty-list', { key }]);
  }
  (when.hours ?? []).forEach((h, i) => {
    if (h.from === h.until) out.push([['when', 'hours', i], 'why-no-hours', {}]);
  });
  if ((item.where ?? []).length > 0 && !reachesAScreen) out.push([['where'], 'why-no-screen', {}]);
  if (now !== undefined) {
    const until = when.until ?? item.expires;
    if (until && toInstant(until, tz, 'end') < now) out.push([[when.until ? 'when' : 'expires', ...(when.until ? ['until'] : [])], 'why-expired', { until }]);
    if (item.event && Date.parse(item.event.ends) < now) out.push([['event', 'ends'], 'why-expired', { until: item.event.ends }]);
  }
  return out;
}
