/**
 * How the compiler splits a content set's entries into manifest pages (src/content/manifest.ts).
 *
 * An item's page is a stable hash of its id (the first 32 bits of sha256(id), modulo the page
 * count), so an edit to one item changes one page, whatever else changes. An item's assets
 * (its picture, its QR code) are listed in the same page, so that edit still moves one page;
 * an asset several items share is listed in each of their pages.
 *
 * Page count: the power of two nearest to √n (n items). One change moves the root (about
 * 40 B gzip per page named) and one page (about n / count entries), and √n balances the two:
 * 1,000 items → 32 pages of ~31 entries, 10,000 → 128 of ~78. The count moves only when n
 * crosses 2·4^k (512, 2,048, 8,192, …): then every page moves, once.
 * The screen never computes any of this: it reads the pages the root names.
 */
import { createHash } from 'node:crypto';
import type { AssetEntry, ItemEntry, ManifestPage } from '../../src/content/manifest.ts';

export function pageCount(items: number): number {
  return items <= 1 ? 1 : 2 ** Math.round(Math.log2(items) / 2);
}

export function pageOf(id: string, count: number): number {
  return Number.parseInt(createHash('sha256').update(id).digest('hex').slice(0, 8), 16) % count;
}

/**
 * The non-empty pages, in page-number order; items keep their order, assets are sorted by path.
 * @param assetsOf the asset entries an item uses
 */
export function makePages(
  items: readonly ItemEntry[],
  assetsOf: (item: ItemEntry) => readonly AssetEntry[],
  count = pageCount(items.length),
): ManifestPage[] {
  const pages = Array.from({ length: count }, () => ({ items: [] as ItemEntry[], assets: new Map<string, AssetEntry>() }));
  for (const e of items) {
    const page = pages[pageOf(e.id, count)]!;
    page.items.push(e);
    for (const a of assetsOf(e)) page.assets.set(a.path, a);
  }
  return pages.filter((p) => p.items.length > 0).map((p) => ({
    items: p.items,
    assets: [...p.assets.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  }));
}
