/**
 * The content `npm run plan` (and the e2e that checks it against the kiosk) plans from: the
 * root folder and every feed it delegates whose folder is under `feedsDir`, merged as a screen
 * merges them (src/frame/merge-feeds.ts): feed items as "<feed>:<id>", the ones outside their
 * scope refused with the reason. Each feed's state is what the folder and its last build
 * (dist/feeds/<id>/manifest.json, when there) say.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../../src/content/problem.ts';
import type { CompiledItem, Screen, Settings } from '../../src/content/schema.ts';
import { FEED_SEP, refusalParams, scopeRefusal } from '../../src/content/scope.ts';
import { mergeFeedItems, type Refusal } from '../../src/frame/merge-feeds.ts';
import { feedContext } from './feeds.ts';
import { loadContentWithFilms } from './films.ts';

export interface PlanFeed {
  id: string;
  /** Where its items were read from; undefined: no folder here (published elsewhere). */
  dir?: string;
  items: number;
  errors: number;
  /** Its last build here: version and build time. */
  published?: { version: string; generated: string };
}

export interface PlanContent {
  settings: Settings;
  screens: Screen[];
  items: CompiledItem[];
  refused: Refusal[];
  feeds: PlanFeed[];
  problems: Problem[];
}

function published(dist: string, id: string): PlanFeed['published'] {
  const path = join(dist, 'feeds', id, 'manifest.json');
  try {
    const { version, generated } = JSON.parse(readFileSync(path, 'utf8')) as { version: string; generated: string };
    return typeof version === 'string' && typeof generated === 'string' ? { version, generated } : undefined;
  } catch {
    return undefined;
  }
}

export async function loadPlanContent(contentDir: string, feedsDir: string, dist = 'dist'): Promise<PlanContent> {
  const root = await loadContentWithFilms(contentDir);
  const feeds: PlanFeed[] = [];
  const read: { id: string; items: CompiledItem[] }[] = [];
  const problems = [...root.problems];
  const refused: Refusal[] = [];
  for (const d of root.settings.feeds ?? []) {
    const dir = join(feedsDir, d.id);
    if (!existsSync(dir)) {
      feeds.push({ id: d.id, items: 0, errors: 0, published: published(dist, d.id) });
      continue;
    }
    const feed = await loadContentWithFilms(dir, { feed: feedContext(root, d) });
    problems.push(...feed.problems);
    read.push({ id: d.id, items: feed.items });
    // The loader leaves an item outside its scope out (an error); the plan says why, as the screen does.
    for (const f of feed.itemFiles.values()) {
      const r = scopeRefusal(f.data, d.scope, root.screens.map((s) => s.place));
      if (r) refused.push({ id: `${d.id}${FEED_SEP}${f.data.id}`, code: r.code, ...refusalParams(r, d.id, d.scope) });
    }
    feeds.push({ id: d.id, dir, items: feed.items.length, errors: feed.problems.filter((p) => p.severity === 'error').length, published: published(dist, d.id) });
  }
  const merged = mergeFeedItems(root.settings, root.screens, root.items, read);
  return { settings: root.settings, screens: root.screens, items: merged.items, refused: [...refused, ...merged.refused], feeds, problems };
}
