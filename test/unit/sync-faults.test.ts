/**
 * The fault matrix: every fault at every point of a sync, from an empty screen and from a
 * screen with an active set. After each fault the active set is complete and valid (and is
 * still the one before), and once the fault clears the screen converges to the new set,
 * downloading only what it still lacks.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { blockingError } from '../../src/sync/download-set.ts';
import { SyncError, type SyncErrorCode } from '../../src/sync/sync-error.ts';
import { buildSet, item, pageUrlOf, type PublishedSet } from '../fixtures/sync/content-set.ts';
import type { Fault } from '../fixtures/sync/fake-server.ts';
import { expectActiveComplete, resetIndexedDB, type Screen, screen } from '../fixtures/sync/harness.ts';

beforeEach(resetIndexedDB);
let cases = 0;
afterAll(() => console.log(`sync fault cases run: ${cases}`));

const OLD = {
  items: { a: item('甲'), b: item('乙'), c: item('丙', { image: 'assets/p.svg' }) },
  assets: { 'assets/p.svg': '<svg xmlns="http://www.w3.org/2000/svg"><title>1</title></svg>' },
};
// Two items, the picture and the calendar change: every kind of file is downloaded again.
const NEW = {
  items: { a: item('甲二'), b: item('乙二'), c: item('丙', { image: 'assets/p.svg' }) },
  assets: { 'assets/p.svg': '<svg xmlns="http://www.w3.org/2000/svg"><title>2</title></svg>' },
  lastYear: 2027,
};

type Point = 'manifest' | 'page' | 'first item' | 'second item' | 'asset' | 'calendar';
const POINTS: Point[] = ['manifest', 'page', 'first item', 'second item', 'asset', 'calendar'];
const FAULTS: Fault[] = ['network', 'reset', 'truncate', 'corrupt', 'hang', 404, 500];

function pathOf(set: PublishedSet, point: Point): string {
  const m = set.manifest;
  if (point === 'manifest') return 'manifest.json';
  if (point === 'page') return pageUrlOf(set, 'a');
  if (point === 'first item') return m.items.find((e) => e.id === 'a')!.url;
  if (point === 'second item') return m.items.find((e) => e.id === 'b')!.url;
  if (point === 'asset') return m.assets[0]!.url;
  return m.calendar.url;
}

function expected(fault: Fault, point: Point): SyncErrorCode {
  if (fault === 'network' || fault === 'reset') return 'network';
  if (fault === 'hang') return 'timeout';
  if (typeof fault === 'number') return 'http';
  return point === 'manifest' ? 'invalid-manifest' : 'hash-mismatch';
}

/** Screen with OLD active (or empty), NEW published; returns the version before. */
async function prepare(fresh: boolean): Promise<{ s: Screen; next: PublishedSet; before: string | undefined }> {
  const s = await screen();
  if (!fresh) {
    s.server.publish(await buildSet(OLD));
    expect(await s.sync()).toMatchObject({ ok: true });
  }
  const next = await buildSet(NEW);
  s.server.publish(next);
  return { s, next, before: (await s.store.state()).activeVersion };
}

/** Paths of the new set's files the screen already holds. */
async function held(s: Screen, next: PublishedSet): Promise<Set<string>> {
  const items = await s.store.itemHashes();
  const assets = await s.assets.urls();
  const m = next.manifest;
  return new Set([
    ...m.pages.filter((e) => assets.has(new URL(e.url, s.server.base).href)).map((e) => e.url),
    ...m.items.filter((e) => items.has(e.hash)).map((e) => e.url),
    ...m.assets.filter((e) => assets.has(new URL(e.url, s.server.base).href)).map((e) => e.url),
    ...((await s.store.hasCalendar(m.calendar.hash)) ? [m.calendar.url] : []),
  ]);
}

/** Once the fault clears, the screen reaches `next`, fetching none of the files it holds. */
async function expectConverged(s: Screen, next: PublishedSet): Promise<void> {
  const had = await held(s, next);
  s.server.log = [];
  const r = await s.sync();
  expect(r, 'converges once the fault clears').toMatchObject({ ok: true, activeVersion: next.manifest.version });
  for (const l of s.server.log) expect(had.has(l.path), `${l.path} fetched again`).toBe(false);
  expect(await expectActiveComplete(s)).toBe(next.manifest.version);
  expect((await s.store.state()).failures).toBe(0);
}

describe.each([true, false])('faults (empty screen: %s)', (fresh) => {
  describe.each(POINTS)('at the %s', (point) => {
    it.each(FAULTS)('%s', async (fault) => {
      cases++;
      const { s, next, before } = await prepare(fresh);
      const path = pathOf(next, point);
      s.server.faults.set(path, fault);
      const r = await s.sync();
      expect(r).toMatchObject({ ok: false, error: { code: expected(fault, point) } });
      expect(await expectActiveComplete(s)).toBe(before);
      const state = await s.store.state();
      expect(state).toMatchObject({ failures: 1, lastError: { code: expected(fault, point) } });
      // A second run with the fault still there changes nothing visible either.
      expect(await s.sync()).toMatchObject({ ok: false, error: { code: expected(fault, point) } });
      expect(await expectActiveComplete(s)).toBe(before);
      s.server.faults.clear();
      await expectConverged(s, next);
    });
  });

  it.each(['item', 'asset'] as const)('quota error while storing an %s', async (what) => {
    cases++;
    const { s, next, before } = await prepare(fresh);
    if (what === 'item') s.storeFaults.quota = true;
    else s.assets.full = true;
    expect(await s.sync()).toMatchObject({ ok: false, error: { code: 'quota' } });
    expect(await expectActiveComplete(s)).toBe(before);
    s.storeFaults.quota = false;
    s.assets.full = false;
    await expectConverged(s, next);
  });

  it('a manifest naming an asset the server does not have', async () => {
    cases++;
    const s = await screen();
    if (!fresh) {
      s.server.publish(await buildSet(OLD));
      await s.sync();
    }
    const before = (await s.store.state()).activeVersion;
    const next = await buildSet(NEW);
    const asset = next.manifest.assets[0]!.url;
    s.server.publish(next, [asset]);
    expect(await s.sync()).toMatchObject({ ok: false, error: { code: 'http', detail: expect.stringContaining(asset) } });
    expect(await expectActiveComplete(s)).toBe(before);
    s.server.files.set(asset, next.files.get(asset)!);
    await expectConverged(s, next);
  });

  it.each([
    ['invalid JSON', '{"kind": "health", "title": '],
    ['an item failing the schema', JSON.stringify({ kind: 'health', title: '', id: 'broken', colour: 'red' })],
    ['an item whose id is not the manifest id', JSON.stringify({ kind: 'notice', title: '錯位', id: 'elsewhere' })],
  ])('%s is skipped and logged; the rest commits; a fixed item arrives later', async (_name, text) => {
    cases++;
    const { s } = await prepare(fresh);
    const bad = await buildSet({ ...NEW, items: { ...NEW.items, broken: text } });
    s.server.publish(bad);
    const r = await s.sync();
    expect(r).toMatchObject({ ok: true, changed: true, activeVersion: bad.manifest.version, skipped: [{ id: 'broken' }] });
    expect(await expectActiveComplete(s)).toBe(bad.manifest.version);
    expect(s.source.current()!.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    // The same manifest again: a 304, the bad item is not fetched again.
    s.server.log = [];
    expect(await s.sync()).toMatchObject({ ok: true, changed: false, skipped: [{ id: 'broken' }] });
    expect(s.server.log.map((l) => l.status)).toEqual([304]);
    const fixed = await buildSet({ ...NEW, items: { ...NEW.items, broken: { kind: 'notice', title: '修好了' } } });
    s.server.publish(fixed);
    expect(await s.sync()).toMatchObject({ ok: true, skipped: [] });
    expect(s.source.current()!.items.map((i) => i.id)).toEqual(['a', 'b', 'broken', 'c']);
  });
});

describe('blockingError', () => {
  it('puts a full disk first, whatever finished first', () => {
    const hash = new SyncError('hash-mismatch', 'items/x.json');
    const quota = new SyncError('quota', 'disk full');
    expect(blockingError([hash, quota])).toBe(quota);
    expect(blockingError([hash, new SyncError('http', '500')])).toBe(hash);
    expect(blockingError([])).toBeUndefined();
  });
});
