/**
 * The engine and a paged manifest: only pages whose hash changed are downloaded, every page is
 * verified (from the network and from the cache), and nothing commits without every page.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildSet, item, pageUrlOf, type SetSpec } from '../fixtures/sync/content-set.ts';
import { BASE, expectActiveComplete, resetIndexedDB, screen } from '../fixtures/sync/harness.ts';

beforeEach(resetIndexedDB);

const items = (n: number, changed = -1) => Object.fromEntries(
  Array.from({ length: n }, (_, i) => [`health/item-${i}`, item(i === changed ? `第 ${i} 則 改` : `第 ${i} 則`)]));
const SPEC: SetSpec = { items: items(40), pages: 8 };

describe('sync of a paged manifest', () => {
  it('one changed item moves the root, its one page and the item; unchanged pages are not fetched', async () => {
    const s = await screen();
    const a = await buildSet(SPEC);
    expect(a.manifest.pages).toHaveLength(8);
    s.server.publish(a);
    await s.sync();
    const b = await buildSet({ ...SPEC, items: items(40, 5) });
    expect(b.manifest.pages.filter((e) => !a.manifest.pages.some((o) => o.hash === e.hash))).toHaveLength(1);
    s.server.publish(b);
    s.server.log = [];
    expect(await s.sync()).toMatchObject({ ok: true, changed: true, activeVersion: b.manifest.version });
    const changed = b.manifest.items.find((e) => e.id === 'health/item-5')!.url;
    expect(s.server.log.map((l) => l.path)).toEqual(['manifest.json', pageUrlOf(b, 'health/item-5'), changed]);
    expect(await expectActiveComplete(s)).toBe(b.manifest.version);
  });

  it('refuses a tampered page: nothing commits, and the good page is taken once it is served', async () => {
    const s = await screen();
    const a = await buildSet(SPEC);
    s.server.publish(a);
    await s.sync();
    const b = await buildSet({ ...SPEC, items: items(40, 5) });
    const page = pageUrlOf(b, 'health/item-5');
    s.server.publish(b);
    s.server.faults.set(page, 'corrupt');
    expect(await s.sync()).toMatchObject({ ok: false, error: { code: 'hash-mismatch', detail: expect.stringContaining(page) } });
    expect(await expectActiveComplete(s)).toBe(a.manifest.version);
    s.server.faults.clear();
    expect(await s.sync()).toMatchObject({ ok: true, activeVersion: b.manifest.version });
  });

  it('a page missing from the server blocks the commit; nothing of the set is half-active', async () => {
    const s = await screen();
    const a = await buildSet(SPEC);
    const page = a.manifest.pages[3]!.url;
    s.server.publish(a, [page]);
    expect(await s.sync()).toMatchObject({ ok: false, error: { code: 'http', detail: expect.stringContaining(page) } });
    expect((await s.store.state()).activeVersion).toBeUndefined();
    expect(await s.store.itemHashes()).toEqual(new Set()); // no item fetched before every page is there
    s.server.files.set(page, a.files.get(page)!);
    expect(await s.sync()).toMatchObject({ ok: true, activeVersion: a.manifest.version });
    expect(await expectActiveComplete(s)).toBe(a.manifest.version);
  });

  it('a page with the right hash that is not a page is a located invalid-manifest; the active set stays', async () => {
    const s = await screen();
    const a = await buildSet(SPEC);
    s.server.publish(a);
    await s.sync();
    const b = await buildSet({ ...SPEC, items: items(40, 5) });
    const bytes = new TextEncoder().encode('{"items":[{"id":"health/item-5"}],"assets":[]}');
    const { sha256 } = await import('../fixtures/sync/content-set.ts');
    const url = `pages/${sha256(bytes)}.json`;
    const broken = { ...b, text: b.text.replace(pageUrlOf(b, 'health/item-5'), url) };
    const old = pageUrlOf(b, 'health/item-5').slice(6, 70);
    broken.text = broken.text.replace(new RegExp(`"hash":"${old}","url":"${url}","bytes":\\d+`), `"hash":"${sha256(bytes)}","url":"${url}","bytes":${bytes.byteLength}`);
    broken.files = new Map([...b.files, [url, { bytes, type: 'application/json' }]]);
    s.server.publish(broken);
    expect(await s.sync()).toMatchObject({ ok: false, error: { code: 'invalid-manifest', detail: expect.stringMatching(new RegExp(`^${url}: items\\.0\\.`)) } });
    expect(await expectActiveComplete(s)).toBe(a.manifest.version);
  });

  it('checks a page found in the content cache, and fetches it again when it is not the root\'s', async () => {
    const s = await screen();
    const a = await buildSet(SPEC);
    const page = a.manifest.pages[0]!.url;
    s.assets.map.set(new URL(page, BASE).href, { bytes: new TextEncoder().encode('{"items":[],"assets":[]}'), type: 'application/json' });
    s.server.publish(a);
    expect(await s.sync()).toMatchObject({ ok: true, activeVersion: a.manifest.version });
    expect(s.server.log.map((l) => l.path)).toContain(page);
    expect(await expectActiveComplete(s)).toBe(a.manifest.version);
  });
});
