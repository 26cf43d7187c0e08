/**
 * Paging of the manifest (tools/lib/pages.ts): stable by item id, one change touches one page,
 * the page-count rule, and expansion back into one manifest (src/sync/read-manifest.ts).
 */
import { describe, expect, it } from 'vitest';
import type { AssetEntry, ItemEntry, RootManifest } from '../../src/content/manifest.ts';
import { expandManifest, readPage } from '../../src/sync/read-manifest.ts';
import { makePages, pageCount, pageOf } from '../../tools/lib/pages.ts';

const hex = (n: number) => n.toString(16).padStart(64, '0');
const entry = (id: string, n: number): ItemEntry => ({ id, kind: 'health', hash: hex(n), url: `items/${hex(n)}.json`, bytes: 100 });
const asset = (path: string, n: number): AssetEntry => ({ path, hash: hex(n), url: `assets/${hex(n)}.svg`, bytes: 10, type: 'image/svg+xml' });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `health/${Math.floor(i / 100)}/item-${i}`).sort();
const none = () => [];

describe('manifest pages', () => {
  it.each([[0, 1], [1, 1], [2, 2], [3, 2], [4, 2], [20, 4], [511, 16], [513, 32], [1_000, 32], [2_047, 32], [2_049, 64], [10_000, 128]])(
    '%i items: %i pages (the power of two nearest √n)', (n, pages) => expect(pageCount(n)).toBe(pages));

  it('is stable: the same ids give the same pages, whatever their entries and order', () => {
    const list = ids(1_000);
    const a = makePages(list.map((id, i) => entry(id, i)), none);
    const b = makePages(list.map((id, i) => entry(id, i + 5_000)), none);
    expect(a.map((p) => p.items.map((e) => e.id))).toEqual(b.map((p) => p.items.map((e) => e.id)));
    for (const id of list.slice(0, 50)) expect(pageOf(id, 32)).toBe(pageOf(id, 32));
    expect(a).toHaveLength(32);
    // Spread: no page is more than twice the mean.
    for (const p of a) expect(p.items.length).toBeLessThan(2 * (1_000 / 32));
  });

  it('one changed item (with its picture) changes exactly one page', () => {
    const list = ids(1_000);
    const pic = asset('assets/p.svg', 1);
    const seven = 'health/0/item-7';
    const assetsOf = (e: ItemEntry) => (e.id === seven || e.id.endsWith('-9') ? [pic] : []);
    const before = makePages(list.map((id, i) => entry(id, i)), assetsOf);
    const after = makePages(list.map((id, i) => entry(id, id === seven ? 99_999 : i)), (e) => (e.id === seven ? [asset('assets/p2.svg', 2)] : assetsOf(e)));
    const changed = after.filter((p, i) => JSON.stringify(p) !== JSON.stringify(before[i]));
    expect(changed).toHaveLength(1);
    expect(changed[0]!.items.some((e) => e.hash === hex(99_999))).toBe(true);
    expect(changed[0]!.assets.map((a) => a.path)).toContain('assets/p2.svg');
  });

  it('expands back to every entry: items by id, each shared asset once', () => {
    const list = ids(40);
    const pic = asset('assets/shared.svg', 3);
    const pages = makePages(list.map((id, i) => entry(id, i)), () => [pic]);
    const root = { format: 2, pages: [] } as unknown as RootManifest;
    const m = expandManifest(root, pages.map((p) => readPage(new TextEncoder().encode(JSON.stringify(p)), 'pages/x.json')));
    expect(m.items.map((e) => e.id)).toEqual(list);
    expect(m.assets).toEqual([pic]);
  });

  it('refuses a page that is not one, saying which, and pages disagreeing on an asset', () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ items: [{ id: 'a' }], assets: [] }));
    expect(() => readPage(bytes, 'pages/abc.json')).toThrow(expect.objectContaining({ code: 'invalid-manifest', detail: expect.stringMatching(/^pages\/abc\.json: items\.0\.kind /) }));
    expect(() => readPage(new TextEncoder().encode('<html>'), 'pages/abc.json')).toThrow(expect.objectContaining({ code: 'invalid-manifest', detail: 'pages/abc.json: not JSON' }));
    const root = { pages: [] } as unknown as RootManifest;
    expect(() => expandManifest(root, [{ items: [], assets: [asset('a.svg', 1)] }, { items: [], assets: [asset('a.svg', 2)] }]))
      .toThrow(expect.objectContaining({ code: 'invalid-manifest' }));
  });
});
