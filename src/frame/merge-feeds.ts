/**
 * The content a screen plays: the root's set (the street office's, trusted by the app's baked
 * key) and each delegated feed's active set, as ONE ContentSet. Each feed's item plays as
 * "<feed>:<id>" with its pictures and films as "<feed>:<path>" (so two feeds never collide, and a feed
 * can never pass for the root); an item outside its feed's scope (../content/scope.ts) is left
 * out with its reason in `refused`. The root's settings, screens and calendar rule.
 *
 * Pure: the worker merges what it has committed, the preview and the no-worker page what they
 * fetched, and `npm run plan` what it read from the folders.
 *
 * @example mergeFeeds(root, [{ id: 'lvyuan', set }]).items.map((i) => i.id) // [...root ids, 'lvyuan:notices/class']
 */
import type { AssetEntry, ItemEntry } from '../content/manifest.ts';
import type { CompiledItem, Screen, Settings } from '../content/schema.ts';
import { FEED_SEP, refusalParams, type ScopeCode, scopeRefusal } from '../content/scope.ts';
import type { ContentSet } from './content-set.ts';

/** An item of a feed that does not reach the glass, and why. */
export interface Refusal {
  /** As it would play: "<feed>:<id>". */
  id: string;
  feed: string;
  code: ScopeCode;
  /** The priority, place or tag that falls outside. */
  value: string;
  /** What the feed may use, in words ("xuanwu > yingshijie > lvyuan"). */
  allowed: string;
}

/** A delegated feed's active set (undefined: none yet, or no longer trusted). */
export interface FeedInput {
  id: string;
  set: ContentSet | undefined;
}

export type MergedSet = ContentSet & { readonly refused: readonly Refusal[] };

const pre = (feed: string, s: string) => `${feed}${FEED_SEP}${s}`;

/** Every field of an item that names a file of its own set: each is read in that feed's set. */
const ASSET_KEYS = ['image', 'qr', 'video', 'poster'] as const satisfies readonly (keyof CompiledItem)[];

/**
 * The played items of the root and its feeds (the root's first, then each feed's in scope,
 * renamed "<feed>:<id>"), and the refused. `settings` and `screens` are the root's.
 */
export function mergeFeedItems(
  settings: Settings, screens: readonly Screen[], rootItems: readonly CompiledItem[],
  feeds: readonly { id: string; items: readonly CompiledItem[] }[],
): { items: CompiledItem[]; refused: Refusal[] } {
  const delegations = new Map((settings.feeds ?? []).map((d) => [d.id, d]));
  const places = screens.map((s) => s.place);
  const items: CompiledItem[] = [...rootItems];
  const refused: Refusal[] = [];
  for (const { id: feed, items: theirs } of feeds) {
    const d = delegations.get(feed);
    if (!d) continue;
    for (const item of theirs) {
      const r = scopeRefusal(item, d.scope, places);
      if (r) {
        refused.push({ id: pre(feed, item.id), code: r.code, ...refusalParams(r, feed, d.scope) });
        continue;
      }
      const played: CompiledItem = { ...item, id: pre(feed, item.id) };
      for (const key of ASSET_KEYS) if (item[key]) played[key] = pre(feed, item[key]);
      items.push(played);
    }
  }
  return { items, refused };
}

export function mergeFeeds(root: ContentSet, feeds: readonly FeedInput[]): MergedSet {
  const delegated = new Set((root.manifest.settings.feeds ?? []).map((d) => d.id));
  const sets = new Map<string, ContentSet>();
  for (const f of feeds) if (f.set && delegated.has(f.id)) sets.set(f.id, f.set);
  if (sets.size === 0) return { ...root, refused: [] };
  const { items, refused } = mergeFeedItems(root.manifest.settings, root.manifest.screens, root.items,
    [...sets].map(([id, set]) => ({ id, items: set.items })));
  const entries: ItemEntry[] = [...root.manifest.items];
  const assets: AssetEntry[] = [...root.manifest.assets];
  const versions: string[] = [];
  for (const [feed, set] of sets) {
    versions.push(`${feed}=${set.manifest.version}`);
    for (const e of set.manifest.items) entries.push({ ...e, id: pre(feed, e.id) });
    for (const a of set.manifest.assets) assets.push({ ...a, path: pre(feed, a.path), url: set.assetUrl(a.path) ?? a.url });
  }
  return {
    // One version for the union: it changes when the root or any feed's set does.
    manifest: { ...root.manifest, version: [root.manifest.version, ...versions].join('+'), items: entries, assets },
    items,
    tables: root.tables,
    refused,
    assetUrl(path) {
      const i = path.indexOf(FEED_SEP);
      const set = i > 0 ? sets.get(path.slice(0, i)) : undefined;
      return set ? set.assetUrl(path.slice(i + 1)) : root.assetUrl(path);
    },
  };
}
