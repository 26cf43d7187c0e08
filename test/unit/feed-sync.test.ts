/**
 * Feeds on the screen, worker side: the root and two delegated feeds, each on its own fake host
 * path, synced by the real content worker into fake-indexeddb. Each fault on one feed leaves the
 * root and the other feed playing in full; scope refusals never reach the frames.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FeedDelegation, Screen, Settings } from '../../src/content/schema.ts';
import type { FramesReply } from '../../src/frame/frames-for.ts';
import type { MergedSet } from '../../src/frame/merge-feeds.ts';
import { answer } from '../../src/sw/answer.ts';
import { createContentWorker, type ContentWorker } from '../../src/sync/content-worker.ts';
import { openStore } from '../../src/sync/store/open-store.ts';
import type { FetchLike } from '../../src/sync/fetch-bytes.ts';
import { generateSigningKeys } from '../../tools/lib/sign.ts';
import { buildSet, item, type PublishedSet } from '../fixtures/sync/content-set.ts';
import { MemoryCacheStorage } from '../fixtures/sync/fake-cache-storage.ts';
import { FakeClock } from '../fixtures/sync/fake-clock.ts';
import { FakeServer } from '../fixtures/sync/fake-server.ts';
import { BASE, resetIndexedDB } from '../fixtures/sync/harness.ts';

const FEEDS = { lvyuan: new URL('https://screen.test/feeds/lvyuan/'), qingxi: new URL('https://screen.test/feeds/qingxi/') };
type Feed = keyof typeof FEEDS;
const SCREENS: Screen[] = [
  { id: 'gate', name: '東門', place: ['xuanwu', 'yingshijie', 'lvyuan'] },
  { id: 'corridor', name: '走廊', place: ['xuanwu', 'yingshijie', 'qingxi'] },
];
const AT = Date.parse('2026-10-18T09:00:00+08:00');

let clock: FakeClock;
let servers: Record<'root' | Feed, FakeServer>;
let keys: Record<Feed, { privateJwk: JsonWebKey; publicJwk: JsonWebKey }>;
let w: ContentWorker;

const fetch: FetchLike = (url, init) => {
  const s = Object.values(servers).find((x) => url.startsWith(x.base.href))!;
  return s.fetch(url, init);
};

function delegation(id: Feed, key = keys[id].publicJwk): FeedDelegation {
  return {
    id, url: `../feeds/${id}/`, key: key as FeedDelegation['key'],
    scope: { places: [['xuanwu', 'yingshijie', id]], priorities: ['normal', 'high'] },
  };
}

async function publishRoot(feeds: FeedDelegation[], generated = '2026-10-01T00:00:00.000Z'): Promise<PublishedSet> {
  const settings: Settings = { feeds };
  const set = await buildSet({ items: { 'health/water': item('多喝水') }, settings, screens: SCREENS, generated });
  servers.root.publish(set);
  return set;
}

async function publishFeed(id: Feed, items: Record<string, Record<string, unknown>>, opts: { generated?: string; signWith?: JsonWebKey } = {}) {
  const set = await buildSet({ items, signWith: opts.signWith ?? keys[id].privateJwk, generated: opts.generated ?? '2026-10-02T00:00:00.000Z' });
  servers[id].publish(set);
  return set;
}

const run = () => answer(w, { type: 'sync' }) as ReturnType<ContentWorker['sync']>;
const played = async () => ((await w.active()) as MergedSet).items.map((i) => i.id).sort();
const slides = async (screen: string) =>
  ((await answer(w, { type: 'frames', screen, from: AT, minutes: 1 })) as FramesReply).frames[0]!.frame!.loop!.slides.map((s) => s.id).sort();

beforeEach(async () => {
  resetIndexedDB();
  clock = new FakeClock();
  servers = {
    root: new FakeServer(BASE, clock, 0), lvyuan: new FakeServer(FEEDS.lvyuan, clock, 0), qingxi: new FakeServer(FEEDS.qingxi, clock, 0),
  };
  keys = { lvyuan: await generateSigningKeys(), qingxi: await generateSigningKeys() };
  w = createContentWorker({ base: BASE, fetch, openDb: () => openStore(), caches: new MemoryCacheStorage(), crypto: globalThis.crypto.subtle, timers: clock });
  await publishRoot([delegation('lvyuan'), delegation('qingxi')]);
  await publishFeed('lvyuan', {
    'notices/class': item('智能手機課堂', { kind: 'notice' }),
    'notices/alarm': item('假警報', { kind: 'alert', priority: 'emergency' }),
    'notices/next-door': item('隔壁的事', { kind: 'notice', where: ['qingxi'] }),
  });
  await publishFeed('qingxi', { 'notices/clinic': item('愛心義診', { kind: 'notice' }) });
});

describe('feeds on the screen', () => {
  it('syncs each feed, merges the sets, and refuses what falls outside a feed\'s scope, with the reason', async () => {
    const r = await run();
    expect(r.ok).toBe(true);
    expect(r.feeds?.map((f) => [f.id, f.ok])).toEqual([['lvyuan', true], ['qingxi', true]]);
    expect(await played()).toEqual(['health/water', 'lvyuan:notices/class', 'qingxi:notices/clinic']);
    const set = (await w.active()) as MergedSet;
    expect(set.refused.map((x) => [x.id, x.code, x.value])).toEqual([
      ['lvyuan:notices/alarm', 'scope-priority', 'emergency'],
      ['lvyuan:notices/next-door', 'scope-place', 'qingxi'],
    ]);
    // A feed's item reaches the screens of its scope only.
    expect(await slides('gate')).toEqual(['health/water', 'lvyuan:notices/class']);
    expect(await slides('corridor')).toEqual(['health/water', 'qingxi:notices/clinic']);
    const state = (await answer(w, { type: 'state' })) as { feeds: Record<string, { activeVersion?: string }>; refused: { id: string }[] };
    expect(Object.keys(state.feeds).sort()).toEqual(['lvyuan', 'qingxi']);
    // The status says what this screen refuses.
    expect(state.refused.map((x) => x.id)).toEqual(['lvyuan:notices/alarm', 'lvyuan:notices/next-door']);
  });

  it.each([
    ['unreachable', async () => void servers.qingxi.faults.set('manifest.json', 'network'), 'network'],
    ['500', async () => void servers.qingxi.faults.set('manifest.json', 500), 'http'],
    ['vanished (404)', async () => void servers.qingxi.faults.set('manifest.json', 404), 'http'],
    ['tampered (signed by another key)', async () => void (await publishFeed('qingxi', { 'notices/evil': item('冒充') }, { signWith: keys.lvyuan.privateJwk })), 'bad-signature'],
    ['replayed (an older manifest)', async () => void (await publishFeed('qingxi', { 'notices/old': item('舊') }, { generated: '2026-09-01T00:00:00.000Z' })), 'replayed'],
    ['a broken item file', async () => {
      const set = await publishFeed('qingxi', { 'notices/clinic': item('愛心義診'), 'notices/more': item('更多') });
      const url = set.manifest.items.find((e) => e.id === 'notices/more')!.url;
      servers.qingxi.faults.set(url, 'corrupt');
    }, 'hash-mismatch'],
  ])('one feed %s: the root and the other feed play in full, it plays its last good set', async (_name, fault, code) => {
    await run();
    const before = await played();
    await fault();
    const r = await run();
    expect(r.ok).toBe(true);
    expect(r.feeds?.find((f) => f.id === 'qingxi')).toMatchObject({ ok: false, error: { code } });
    expect(r.feeds?.find((f) => f.id === 'lvyuan')).toMatchObject({ ok: true });
    expect(await played()).toEqual(before);
    expect(await slides('corridor')).toEqual(['health/water', 'qingxi:notices/clinic']);
  });

  it('a feed that fails from the first run leaves the rest playing; a new good set of the other feed still commits', async () => {
    servers.qingxi.faults.set('manifest.json', 500);
    await run();
    await publishFeed('lvyuan', { 'notices/class': item('智能手機課堂 第二期', { kind: 'notice' }) }, { generated: '2026-10-03T00:00:00.000Z' });
    const r = await run();
    expect(r.feeds?.map((f) => f.ok)).toEqual([true, false]);
    expect(await played()).toEqual(['health/water', 'lvyuan:notices/class']);
  });

  it('a new key in the delegation (rotated or revoked) stops the old set at once; a set signed with the new key plays', async () => {
    await run();
    const rotated = await generateSigningKeys();
    await publishRoot([delegation('lvyuan'), delegation('qingxi', rotated.publicJwk)], '2026-10-05T00:00:00.000Z');
    const r = await run();
    expect(r.feeds?.find((f) => f.id === 'qingxi')).toMatchObject({ ok: false, error: { code: 'bad-signature' } });
    expect(await played()).toEqual(['health/water', 'lvyuan:notices/class']);
    await publishFeed('qingxi', { 'notices/clinic': item('愛心義診') }, { signWith: rotated.privateJwk, generated: '2026-10-06T00:00:00.000Z' });
    await run();
    expect(await played()).toEqual(['health/water', 'lvyuan:notices/class', 'qingxi:notices/clinic']);
  });

  it('a feed no longer delegated is forgotten and its items leave the glass', async () => {
    await run();
    await publishRoot([delegation('lvyuan')], '2026-10-05T00:00:00.000Z');
    await run();
    expect(await played()).toEqual(['health/water', 'lvyuan:notices/class']);
    const state = (await answer(w, { type: 'state' })) as { feeds: Record<string, unknown> };
    expect(Object.keys(state.feeds)).toEqual(['lvyuan']);
  });

  it('a feed that trickles is cut off at its share of the run: the feed after it still commits, the run ends within its budget', async () => {
    const budget = 120_000;
    w = createContentWorker({ base: BASE, fetch, openDb: () => openStore(), caches: new MemoryCacheStorage(), crypto: globalThis.crypto.subtle, timers: clock, runBudgetMs: budget });
    await run();
    const before = await played();
    // Every new file of lvyuan takes 50 s (inside the 60 s per-request timeout): eight of them
    // would hold the run for minutes. qingxi, after it, has news.
    const slow = await publishFeed('lvyuan', Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`notices/n${i}`, item(`通知 ${i}`, { kind: 'notice' })])),
      { generated: '2026-10-04T00:00:00.000Z' });
    for (const url of slow.files.keys()) servers.lvyuan.faults.set(url, 'slow');
    await publishFeed('qingxi', { 'notices/clinic': item('愛心義診'), 'notices/flu': item('流感疫苗', { kind: 'health' }) }, { generated: '2026-10-04T00:00:00.000Z' });
    const started = clock.now();
    const r = await run();
    expect(clock.now() - started).toBeLessThanOrEqual(budget);
    expect(r.feeds?.find((f) => f.id === 'lvyuan')).toMatchObject({ ok: false, error: { code: 'timeout', detail: expect.stringContaining('feed lvyuan') } });
    expect(r.feeds?.find((f) => f.id === 'qingxi')).toMatchObject({ ok: true, changed: true });
    expect(await played()).toEqual([...before, 'qingxi:notices/flu'].sort());
    // Once the host answers at speed, the next run takes lvyuan's set.
    servers.lvyuan.faults.clear();
    expect((await run()).feeds?.every((f) => f.ok)).toBe(true);
    expect(await played()).toContain('lvyuan:notices/n7');
  });

  it('a feed\'s commit never clears the root\'s half-downloaded film: the root goes on from where it stopped', async () => {
    const caches = new MemoryCacheStorage();
    w = createContentWorker({ base: BASE, fetch, openDb: () => openStore(), caches, crypto: globalThis.crypto.subtle, timers: clock });
    await run();
    const film = new Uint8Array(2_000_001).map((_, i) => (i * 7) % 251);
    const root = await buildSet({
      items: { 'health/water': item('多喝水'), 'safety/drill': item('演練', { kind: 'safety', video: 'assets/drill.webm' }) },
      films: { 'assets/drill.webm': film }, settings: { feeds: [delegation('lvyuan'), delegation('qingxi')] }, screens: SCREENS,
      generated: '2026-10-05T00:00:00.000Z',
    });
    servers.root.publish(root);
    const url = root.manifest.assets.find((a) => a.path === 'assets/drill.webm')!.url;
    servers.root.faults.set(url, 'reset');
    // In the same run a feed commits news (and collects what it no longer needs).
    await publishFeed('qingxi', { 'notices/clinic': item('愛心義診'), 'notices/flu': item('流感疫苗') }, { generated: '2026-10-04T00:00:00.000Z' });
    const r = await run();
    expect(r).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(r.feeds?.find((f) => f.id === 'qingxi')).toMatchObject({ ok: true, changed: true });
    const parts = [...(caches.caches.get('science-window-parts')?.entries.keys() ?? [])];
    expect(parts, 'the root\'s saved part').toHaveLength(1);
    servers.root.faults.clear();
    servers.root.log = [];
    expect(await run()).toMatchObject({ ok: true, changed: true });
    expect(servers.root.log.filter((l) => l.path === url)).toEqual([{ path: url, status: 206, bytes: 1_000_001 }]);
  });

  it('a feed no longer delegated leaves nothing in the caches once no root set names it: its files and its half-downloaded film are freed, the others\' stay', async () => {
    const caches = new MemoryCacheStorage();
    w = createContentWorker({ base: BASE, fetch, openDb: () => openStore(), caches, crypto: globalThis.crypto.subtle, timers: clock });
    await run();
    const film = new Uint8Array(2_000_001).map((_, i) => (i * 5) % 251);
    const withFilm = await buildSet({
      items: { 'notices/clinic': item('愛心義診'), 'safety/drill': item('演練', { kind: 'safety', video: 'assets/drill.webm' }) },
      films: { 'assets/drill.webm': film }, signWith: keys.qingxi.privateJwk, generated: '2026-10-04T00:00:00.000Z',
    });
    servers.qingxi.publish(withFilm);
    servers.qingxi.faults.set(withFilm.manifest.assets.find((a) => a.path === 'assets/drill.webm')!.url, 'reset');
    expect((await run()).feeds?.find((f) => f.id === 'qingxi')).toMatchObject({ ok: false });
    const under = (name: string, folder: URL) => [...(caches.caches.get(name)?.entries.keys() ?? [])].filter((u) => u.startsWith(folder.href));
    expect(under('science-window-parts', FEEDS.qingxi), 'qingxi\'s saved part').toHaveLength(1);
    expect(under('science-window-content', FEEDS.qingxi).length).toBeGreaterThan(0);

    // The root stops delegating qingxi: its files stay while the previous root set names it.
    await publishRoot([delegation('lvyuan')], '2026-10-05T00:00:00.000Z');
    await run();
    expect(under('science-window-parts', FEEDS.qingxi)).toHaveLength(1);
    // Another root set later (lvyuan's scope narrowed), neither names it: freed. The root's and
    // lvyuan's files stay.
    const lvyuanFiles = under('science-window-content', FEEDS.lvyuan);
    const narrowed = delegation('lvyuan');
    await publishRoot([{ ...narrowed, scope: { ...narrowed.scope, priorities: ['normal'] } }], '2026-10-06T00:00:00.000Z');
    await run();
    expect(under('science-window-parts', FEEDS.qingxi)).toEqual([]);
    expect(under('science-window-content', FEEDS.qingxi)).toEqual([]);
    expect(under('science-window-content', FEEDS.lvyuan)).toEqual(lvyuanFiles);
    expect(under('science-window-content', BASE).length).toBeGreaterThan(0);
    expect(await played()).toEqual(['health/water', 'lvyuan:notices/class']);
  });

  it('syncs only the feeds of the screens this box plays: every feed before any screen was asked for, then the corridor\'s', async () => {
    expect((await run()).feeds?.map((f) => [f.id, f.ok, f.skipped])).toEqual([['lvyuan', true, undefined], ['qingxi', true, undefined]]);
    await slides('corridor');
    await publishFeed('lvyuan', { 'notices/class': item('課堂 第二期', { kind: 'notice' }) }, { generated: '2026-10-04T00:00:00.000Z' });
    await publishFeed('qingxi', { 'notices/clinic': item('愛心義診'), 'notices/flu': item('流感疫苗') }, { generated: '2026-10-04T00:00:00.000Z' });
    servers.lvyuan.log = [];
    const r = await run();
    expect(r.feeds?.find((f) => f.id === 'lvyuan')).toEqual({ id: 'lvyuan', ok: true, skipped: true, activeVersion: expect.any(String) });
    expect(r.feeds?.find((f) => f.id === 'qingxi')).toMatchObject({ ok: true, changed: true });
    expect(servers.lvyuan.log, 'nothing asked of a feed no screen here plays').toEqual([]);
    // A week with no frames asked for the corridor: it is forgotten, and every feed syncs again.
    clock.advance(8 * 24 * 3_600_000);
    expect((await run()).feeds?.find((f) => f.id === 'lvyuan')).toMatchObject({ ok: true, changed: true });
  });

  it('feeds that may send emergencies sync first; replies stay in the delegations\' order', async () => {
    const urgent = { ...delegation('qingxi'), scope: { places: [['xuanwu', 'yingshijie', 'qingxi']], priorities: ['normal', 'high', 'emergency'] } } as FeedDelegation;
    await publishRoot([delegation('lvyuan'), urgent], '2026-10-05T00:00:00.000Z');
    await run();
    servers.lvyuan.log = [];
    servers.qingxi.log = [];
    const order: string[] = [];
    const logged = (id: Feed) => { const push = servers[id].log.push.bind(servers[id].log); servers[id].log.push = (...x) => (order.push(id), push(...x)); };
    logged('lvyuan');
    logged('qingxi');
    const r = await run();
    expect(order[0]).toBe('qingxi');
    expect(r.feeds?.map((f) => f.id)).toEqual(['lvyuan', 'qingxi']);
  });

  it('with a root key, the delegations are the root\'s signed word: a root re-delegating a feed to another key, unsigned or signed by another, is refused and the feed plays on', async () => {
    const rootKey = await generateSigningKeys();
    w = createContentWorker({ base: BASE, fetch, openDb: () => openStore(), caches: new MemoryCacheStorage(), crypto: globalThis.crypto.subtle, timers: clock, publicKeys: [rootKey.publicJwk] });
    const signedRoot = async (feeds: FeedDelegation[], generated: string, signWith = rootKey.privateJwk) => servers.root.publish(
      await buildSet({ items: { 'health/water': item('多喝水') }, settings: { feeds }, screens: SCREENS, generated, signWith }));
    await signedRoot([delegation('lvyuan'), delegation('qingxi')], '2026-10-05T00:00:00.000Z');
    expect((await run()).ok).toBe(true);
    const before = await played();
    expect(before).toContain('lvyuan:notices/class');
    // An attacker between screen and host: lvyuan delegated to their key, their feed in its place.
    const evil = await generateSigningKeys();
    await publishFeed('lvyuan', { 'notices/evil': item('假通知', { kind: 'notice' }) }, { signWith: evil.privateJwk, generated: '2026-10-06T00:00:00.000Z' });
    for (const signWith of [evil.privateJwk, undefined]) {
      const set = await buildSet({ items: { 'health/water': item('多喝水') }, settings: { feeds: [delegation('lvyuan', evil.publicJwk), delegation('qingxi')] },
        screens: SCREENS, generated: '2026-10-07T00:00:00.000Z', signWith });
      servers.root.publish(set);
      const r = await run();
      expect(r).toMatchObject({ ok: false, error: { code: signWith ? 'bad-signature' : 'unsigned' } });
      expect(r.feeds?.find((f) => f.id === 'lvyuan')).toMatchObject({ ok: false, error: { code: 'bad-signature' } });
      expect(await played()).toEqual(before);
    }
  });

  it.each([
    ['holds the content folder', '../', 'feed-url-root'],
    ['sits inside another feed\'s folder', '../feeds/lvyuan/sub/', 'feed-url-overlap'],
  ])('a delegation whose folder %s (a root made by hand or an older build) is never synced: nothing of the root\'s or the other feed\'s is touched', async (_, url, code) => {
    await run();
    const before = await played();
    await publishRoot([delegation('lvyuan'), { ...delegation('qingxi'), url }], '2026-10-05T00:00:00.000Z');
    const r = await run();
    expect(r.ok).toBe(true);
    expect(r.feeds?.find((f) => f.id === 'qingxi')).toMatchObject({ ok: false, error: { code: 'invalid-manifest', detail: expect.stringContaining(code) } });
    expect(r.feeds?.find((f) => f.id === 'lvyuan')).toMatchObject({ ok: true });
    expect(await played()).toEqual(before.filter((id) => !id.startsWith('qingxi:')));
  });

  it('a broken root keeps its last set and its delegations: the feeds still sync', async () => {
    await run();
    servers.root.faults.set('manifest.json', 500);
    await publishFeed('lvyuan', { 'notices/class': item('課堂'), 'notices/walk': item('健步走', { kind: 'health' }) }, { generated: '2026-10-04T00:00:00.000Z' });
    const r = await run();
    expect(r.ok).toBe(false);
    expect(r.feeds?.map((f) => f.ok)).toEqual([true, true]);
    expect(await played()).toEqual(['health/water', 'lvyuan:notices/class', 'lvyuan:notices/walk', 'qingxi:notices/clinic']);
  });
});
