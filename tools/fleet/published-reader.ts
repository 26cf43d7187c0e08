/**
 * The published content as the fleet server sees it, read from a dist/ folder again only when a
 * manifest changed (a publish replaces them under a running server): the root,
 * `<dist>/content/manifest.json`, and each feed it delegates, whose folder is its delegation's
 * `url` read against content/ when that stays within dist/, else `<dist>/feeds/<id>/` (a feed
 * published elsewhere may keep a copy there). A feed's items are named as screens report them,
 * "<feed>:<id>". A manifest being replaced, or a feed missing, leaves the last good reading.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { type Delegation, delegationsOf, EMPTY, itemsOf, parsePublished, type Published, type PublishedItems } from './published.ts';

const mtimeOf = (file: string) => (existsSync(file) ? statSync(file).mtimeMs : undefined);

/** A feed's folder in dist/, or undefined when its delegation points outside it. */
function feedDir(distDir: string, d: Delegation): string {
  const isUrl = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(d.url);
  const dir = isUrl ? undefined : resolve(distDir, 'content', d.url);
  const rel = dir && relative(resolve(distDir), dir);
  return dir && rel && !rel.startsWith('..') && !isAbsolute(rel) ? dir : join(distDir, 'feeds', d.id);
}

interface Reading<T> {
  mtime: number;
  value: T;
}

export function publishedReader(distDir: string | undefined): () => Published {
  let root: Reading<{ published: Published; feeds: Delegation[] }> | undefined;
  const feeds = new Map<string, Reading<PublishedItems> & { dir: string }>();
  let merged: { key: string; value: Published } | undefined;

  /** Parses a JSON file, or undefined (being replaced, or broken). */
  const readJson = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as unknown;
    } catch {
      return undefined;
    }
  };

  return () => {
    if (!distDir) return EMPTY;
    const contentDir = join(distDir, 'content');
    const file = join(contentDir, 'manifest.json');
    const mtime = mtimeOf(file);
    if (mtime === undefined) return EMPTY;
    if (root?.mtime !== mtime) {
      const json = readJson(file);
      root = json === undefined ? { mtime, value: root?.value ?? { published: EMPTY, feeds: [] } }
        : { mtime, value: { published: parsePublished(json, contentDir), feeds: delegationsOf(json) } };
    }
    const key = [mtime];
    for (const d of root.value.feeds) {
      const dir = feedDir(distDir, d);
      const at = mtimeOf(join(dir, 'manifest.json'));
      const had = feeds.get(d.id);
      if (at !== undefined && (had?.mtime !== at || had.dir !== dir)) {
        const json = readJson(join(dir, 'manifest.json'));
        if (json !== undefined) feeds.set(d.id, { mtime: at, dir, value: itemsOf(json, dir, `${d.id}:`) });
      }
      key.push(feeds.get(d.id)?.mtime ?? 0);
    }
    const k = `${key.join(' ')} ${root.value.feeds.map((d) => d.id).join(' ')}`;
    if (merged?.key !== k) {
      const items = new Map(root.value.published.items);
      for (const d of root.value.feeds) for (const [id, item] of feeds.get(d.id)?.value ?? []) items.set(id, item);
      merged = { key: k, value: { ...root.value.published, items } };
    }
    return merged.value;
  };
}
