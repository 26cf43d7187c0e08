import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/content/manifest.ts';
import { createContentStore, LOG_LIMIT } from '../../src/sync/store/content-store.ts';
import type { ManifestRecord } from '../../src/sync/store/db-schema.ts';
import { openStore } from '../../src/sync/store/open-store.ts';
import { buildSet, item } from '../fixtures/sync/content-set.ts';
import { resetIndexedDB } from '../fixtures/sync/harness.ts';

beforeEach(resetIndexedDB);

const h = (c: string) => c.repeat(64);

async function setup() {
  const store = createContentStore(await openStore());
  const { manifest } = await buildSet({ items: { a: item('甲'), b: item('乙') }, assets: { 'assets/x.svg': '<svg/>' } });
  const record = (m: Manifest, at = 1): ManifestRecord => ({ version: m.version, manifest: m, committed: at, skipped: [] });
  const fill = async (m: Manifest) => {
    for (const e of m.items) await store.putItem({ hash: e.hash, item: { id: e.id, kind: e.kind, title: e.id } });
    await store.putCalendar({ hash: m.calendar.hash, tables: { format: 1, firstYear: 2026, lastYear: 2026, lunar: '', termBase: [], termRate: [], terms: '' } });
  };
  return { store, manifest, record, fill };
}

describe('content store', () => {
  it('starts empty', async () => {
    const { store } = await setup();
    expect(await store.state()).toEqual({ failures: 0 });
    expect(await store.activeSet()).toBeUndefined();
  });

  it('commits only a complete set, in one transaction with the state', async () => {
    const { store, manifest, record, fill } = await setup();
    const first = manifest.items[0]!;
    await store.putItem({ hash: first.hash, item: { id: first.id, kind: first.kind, title: 'x' } });
    const missing = await store.commit(record(manifest), '"e1"');
    expect(missing).toEqual([manifest.items[1]!.url, manifest.calendar.url]);
    expect(await store.state()).toEqual({ failures: 0 });
    expect(await store.manifest(manifest.version)).toBeUndefined();
    await fill(manifest);
    expect(await store.commit(record(manifest, 7), '"e1"')).toEqual([]);
    expect(await store.state()).toMatchObject({ activeVersion: manifest.version, etag: '"e1"', lastSync: 7, failures: 0 });
    expect((await store.activeSet())?.items.map((i) => i.item.id)).toEqual(['a', 'b']);
  });

  it('a set with a skipped item commits without it', async () => {
    const { store, manifest, record, fill } = await setup();
    await fill(manifest);
    const bad = manifest.items[1]!;
    const other = { ...manifest, version: h('9'), items: [...manifest.items.slice(0, 1), { ...bad, hash: h('8') }] };
    expect(await store.commit({ ...record(other), skipped: [{ id: bad.id, hash: h('8'), detail: 'schema' }] }, undefined)).toEqual([]);
    expect((await store.activeSet())?.items.map((i) => i.item.id)).toEqual(['a']);
  });

  it('collects what neither the active nor the previous set uses', async () => {
    const { store, manifest, record, fill } = await setup();
    await fill(manifest);
    await store.putItem({ hash: h('1'), item: { id: 'stray', kind: 'notice', title: 'x' } });
    await store.commit(record(manifest), undefined);
    const next = { ...manifest, version: h('2'), items: manifest.items.slice(0, 1), assets: [] };
    await store.commit(record(next), undefined);
    const pages = manifest.pages.map((e) => e.url);
    expect(await store.collect()).toEqual(new Set([manifest.assets[0]!.url, ...pages]));
    expect(await store.itemHashes()).toEqual(new Set(manifest.items.map((e) => e.hash)));
    const third = { ...next, version: h('3') };
    await store.commit(record(third), undefined);
    expect(await store.collect()).toEqual(new Set(pages));
    await store.commit(record({ ...third, version: h('4'), pages: [] }), undefined);
    await store.commit(record({ ...third, version: h('5'), pages: [] }), undefined);
    expect(await store.collect()).toEqual(new Set());
    expect(await store.itemHashes()).toEqual(new Set([manifest.items[0]!.hash]));
    expect(await store.manifest(manifest.version)).toBeUndefined();
    expect(await store.state()).toMatchObject({ activeVersion: h('5'), previousVersion: h('4') });
  });

  it('keeps the newest log lines only', async () => {
    const { store } = await setup();
    for (let i = 0; i < LOG_LIMIT + 5; i++) await store.log({ at: i, event: 'commit' });
    const db = await openStore();
    const lines = await db.getAll('log');
    expect(lines).toHaveLength(LOG_LIMIT);
    expect(lines[0]!.at).toBe(5);
  });

  it('an aborted signal stops a write', async () => {
    const { store } = await setup();
    const ctl = new AbortController();
    ctl.abort();
    await expect(store.putItem({ hash: h('1'), item: { id: 'x', kind: 'notice', title: 'x' } }, ctl.signal)).rejects.toThrow();
    const late = new AbortController();
    const write = store.saveState({ failures: 9 }, late.signal);
    late.abort();
    await expect(write).rejects.toThrow();
    expect(await store.state()).toEqual({ failures: 0 });
    expect(await store.itemHashes()).toEqual(new Set());
  });
});
