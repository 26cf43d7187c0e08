import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSyncEngine } from '../../src/sync/sync-engine.ts';
import { createPartCache } from '../../src/sync/store/part-cache.ts';
import { buildSet, item, pageUrlOf } from '../fixtures/sync/content-set.ts';
import { BASE, expectActiveComplete, resetIndexedDB, screen } from '../fixtures/sync/harness.ts';

beforeEach(resetIndexedDB);

const SPEC = {
  items: {
    'health/walk': item('重陽登高', { image: 'assets/climb.svg' }),
    'health/water': item('多喝水'),
    notice: { kind: 'notice', title: '社區科普大學 秋季班招生' },
  },
  assets: { 'assets/climb.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' },
};
const v1 = () => buildSet(SPEC);
const v2 = () => buildSet({ ...SPEC, items: { ...SPEC.items, 'health/water': item('多喝溫水') } });

describe('sync engine', () => {
  it('first sync downloads every file once, verifies, commits and shows the set', async () => {
    const s = await screen();
    const set = await v1();
    s.server.publish(set);
    const r = await s.sync();
    expect(r).toMatchObject({ ok: true, changed: true, activeVersion: set.manifest.version, skipped: [] });
    expect(s.server.log.map((l) => l.path).sort()).toEqual(['manifest.json', ...set.files.keys()].sort());
    expect(await expectActiveComplete(s)).toBe(set.manifest.version);
    const shown = s.source.current()!;
    expect(shown.items.map((i) => i.id)).toEqual(['health/walk', 'health/water', 'notice']);
    expect(shown.tables.firstYear).toBe(2026);
    expect(await s.store.state()).toMatchObject({ failures: 0, lastSync: s.clock.now(), etag: expect.any(String) });
  });

  it('a 304 moves nothing else', async () => {
    const s = await screen();
    s.server.publish(await v1());
    await s.sync();
    s.server.log = [];
    s.clock.advance(60_000);
    const r = await s.sync();
    expect(r).toMatchObject({ ok: true, changed: false });
    expect(s.server.log).toEqual([{ path: 'manifest.json', status: 304, bytes: 0 }]);
    expect((await s.store.state()).lastSync).toBe(s.clock.now());
  });

  it('one changed item downloads only the manifest, its page and that item', async () => {
    const s = await screen();
    s.server.publish(await v1());
    await s.sync();
    const next = await v2();
    s.server.publish(next);
    s.server.log = [];
    const seen: string[] = [];
    s.source.subscribe((c) => seen.push(c.manifest.version));
    expect(await s.sync()).toMatchObject({ ok: true, changed: true });
    const changed = next.manifest.items.find((e) => e.id === 'health/water')!;
    expect(s.server.log.map((l) => l.path)).toEqual(['manifest.json', pageUrlOf(next, 'health/water'), changed.url]);
    expect(seen).toEqual([next.manifest.version]);
    await expectActiveComplete(s);
  });

  it('keeps the previous set until the new one is active, then collects what no kept set uses', async () => {
    const s = await screen();
    const a = await v1();
    const b = await v2();
    const c = await buildSet({ items: { notice: SPEC.items.notice } });
    s.server.publish(a);
    await s.sync();
    const oldWater = a.manifest.items.find((e) => e.id === 'health/water')!.hash;
    // b cannot complete: a's files all stay.
    s.server.publish(b);
    s.server.faults.set(b.manifest.items.find((e) => e.id === 'health/water')!.url, 500);
    expect(await s.sync()).toMatchObject({ ok: false, error: { code: 'http' } });
    expect(await s.store.itemHashes()).toContain(oldWater);
    s.server.faults.clear();
    await s.sync(); // b active, a previous: a's items kept
    expect(await s.store.itemHashes()).toContain(oldWater);
    expect(await s.store.manifest(a.manifest.version)).toBeDefined();
    s.server.publish(c);
    await s.sync(); // c active, b previous: a is collected
    expect(await s.store.itemHashes()).not.toContain(oldWater);
    expect(await s.store.manifest(a.manifest.version)).toBeUndefined();
    const files = () => [...s.assets.map.keys()].filter((u) => !u.includes('/pages/'));
    expect(files()).toHaveLength(1); // b's picture (b is previous)
    const d = await buildSet({ items: { 'health/water': item('x') } });
    s.server.publish(d);
    await s.sync(); // d active, c previous: no picture left, only their pages
    expect(files()).toHaveLength(0);
    expect(new Set(s.assets.map.keys())).toEqual(new Set([...c.manifest.pages, ...d.manifest.pages].map((e) => new URL(e.url, BASE).href)));
    expect((await s.store.itemHashes()).size).toBe(2);
    await expectActiveComplete(s);
  });

  it('frees what an abandoned version left half-downloaded, at the next good run', async () => {
    const s = await screen();
    const a = await v1();
    const b = await buildSet({ ...SPEC, items: { ...SPEC.items, 'health/water': item('多喝溫水'), 'notices/new': item('新通知') } });
    s.server.publish(a);
    await s.sync();
    const before = new Set(await s.store.itemHashes());
    // b stops half-way (one of its two new items fails), then the publisher goes back to a.
    s.server.publish(b);
    s.server.faults.set(b.manifest.items.find((e) => e.id === 'health/water')!.url, 500);
    expect(await s.sync()).toMatchObject({ ok: false });
    const left = b.manifest.items.find((e) => e.id === 'notices/new')!.hash;
    expect(await s.store.itemHashes()).toContain(left);
    s.server.faults.clear();
    s.server.publish(a);
    expect(await s.sync()).toMatchObject({ ok: true, changed: false });
    expect(await s.store.itemHashes()).toEqual(before);
    await expectActiveComplete(s);
  });

  it('repairs an active set whose picture and pages left the cache, fetching only those', async () => {
    const s = await screen();
    const set = await v1();
    s.server.publish(set);
    await s.sync();
    s.assets.map.clear();
    s.server.log = [];
    expect(await s.sync()).toMatchObject({ ok: true, changed: false });
    // The pages come back too (the next change then fetches only the page it changed).
    expect(s.server.log.map((l) => l.path).sort()).toEqual(['manifest.json', set.manifest.assets[0]!.url, ...set.manifest.pages.map((e) => e.url)].sort());
    await expectActiveComplete(s);
    s.server.log = [];
    expect(await s.sync()).toMatchObject({ ok: true, changed: false });
    expect(s.server.log.map((l) => l.path)).toEqual(['manifest.json']);
  });

  it('checks bytes another party put in the content cache before trusting them', async () => {
    const s = await screen();
    const set = await v1();
    const url = new URL(set.manifest.assets[0]!.url, BASE).href;
    s.assets.map.set(url, { bytes: new TextEncoder().encode('<svg>wrong</svg>'), type: 'image/svg+xml' });
    s.server.publish(set);
    expect(await s.sync()).toMatchObject({ ok: true });
    await expectActiveComplete(s);
  });

  it('an abort stops the run and leaves the active set as it was', async () => {
    const s = await screen();
    s.server.publish(await v1());
    await s.sync();
    const before = (await s.store.state()).activeVersion;
    s.server.publish(await v2());
    const ctl = new AbortController();
    const run = s.engine.sync(ctl.signal);
    ctl.abort();
    expect(await run).toMatchObject({ ok: false, error: { code: 'aborted' } });
    expect(await expectActiveComplete(s)).toBe(before);
    expect(await s.sync()).toMatchObject({ ok: true, changed: true });
  });

  it('downloads with bounded parallelism', async () => {
    const s = await screen({ parallel: 2 });
    const items = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`n/${i}`, item(`第${i}則`)]));
    s.server.publish(await buildSet({ items }));
    let inFlight = 0;
    let most = 0;
    const inner = s.server.fetch;
    s.server.fetch = async (url, init) => {
      most = Math.max(most, ++inFlight);
      try {
        return await inner(url, init);
      } finally {
        await Promise.resolve();
        inFlight--;
      }
    };
    const engine = createSyncEngine({
      base: BASE, fetch: (u, i) => s.server.fetch(u, i), store: s.store, assets: s.assets,
      parts: createPartCache(s.partStorage), crypto: globalThis.crypto.subtle, timers: s.clock, parallel: 2,
    });
    expect(await engine.sync(new AbortController().signal)).toMatchObject({ ok: true });
    expect(most).toBe(2);
  });
});
