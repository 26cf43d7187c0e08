/**
 * The content a screen plays: the root's set (the street office's, trusted by the app's baked
 * key) and each delegated feed's active set, as ONE ContentSet. Each feed's item plays as
 * "<feed>:<id>" with its pictures as "<feed>:<path>" (so two feeds never collide, and a feed
 * can never pass for the root); an item outside its feed's scope (../content/scope.ts) is left
 * out with its reason in `refused`. The root's settings, screens and calendar rule.
 *
 * Pure: the worker merges what it has committed, the preview and the no-worker page what they
 * fetched, and `npm run plan` what it read from the folders.
 *
 * @example mergeFeeds(root, [{ id: 'lvyuan', set }]).items.map((i) => i.id) // [...root ids, 'lvyuan:notices/class']
 */
import type { AssetEntry, ItemEntry } from '../content/manifest.ts';
import type { CompiledItem } from '../content/schema.ts';
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

export function mergeFeeds(root: ContentSet, feeds: readonly FeedInput[]): MergedSet {
  const delegations = new Map((root.manifest.settings.feeds ?? []).map((d) => [d.id, d]));
  const places = root.manifest.screens.map((s) => s.place);
  const items: CompiledItem[] = [...root.items];
  const entries: ItemEntry[] = [...root.manifest.items];
  const assets: AssetEntry[] = [...root.manifest.assets];
  const refused: Refusal[] = [];
  const sets = new Map<string, ContentSet>();
  const versions: string[] = [];
  for (const { id: feed, set } of feeds) {
    const d = delegations.get(feed);
    if (!d || !set) continue;
    sets.set(feed, set);
    versions.push(`${feed}=${set.manifest.version}`);
    for (const item of set.items) {
      const r = scopeRefusal(item, d.scope, places);
      if (r) {
        refused.push({ id: pre(feed, item.id), code: r.code, ...refusalParams(r, feed, d.scope) });
        continue;
      }
      const played: CompiledItem = { ...item, id: pre(feed, item.id) };
      if (item.image) played.image = pre(feed, item.image);
      if (item.qr) played.qr = pre(feed, item.qr);
      items.push(played);
    }
    for (const e of set.manifest.items) entries.push({ ...e, id: pre(feed, e.id) });
    for (const a of set.manifest.assets) assets.push({ ...a, path: pre(feed, a.path), url: set.assetUrl(a.path) ?? a.url });
  }
  if (sets.size === 0 && refused.length === 0) return { ...root, refused };
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
