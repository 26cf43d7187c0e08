import { describe, expect, it } from 'vitest';
import type { CompiledItem, FeedDelegation, Settings } from '../../src/content/schema.ts';
import { feedOfId } from '../../src/content/scope.ts';
import { buildPlaylist } from '../../src/schedule/playlist.ts';
import { capShares } from '../../src/schedule/share.ts';
import { at, ctxIn, item, LVYUAN, SETTINGS } from '../fixtures/schedule/world.ts';

const T = at('2026-10-18T09:00:00+08:00');
const scope = (c: string): FeedDelegation['scope'] => ({ places: [['xuanwu', 'yingshijie', c]], priorities: ['normal', 'high'] });
const FEEDS: FeedDelegation[] = [
  { id: 'xuanwu', url: '../feeds/xuanwu/', scope: { places: [['xuanwu']], priorities: ['normal'] } },
  { id: 'lvyuan', url: '../feeds/lvyuan/', scope: scope('lvyuan'), share: { max: 0.3 } },
];
const settings: Settings = { ...SETTINGS, slideSeconds: 10, feeds: FEEDS };

/** n evergreen items of 10 s, each with a poster-free short text, under an id prefix. */
const many = (prefix: string, n: number, kind: CompiledItem['kind'], extra: Partial<CompiledItem> = {}) =>
  Array.from({ length: n }, (_, i) => item(`${prefix}${String(i).padStart(2, '0')}`, { kind, duration: 10, ...extra }));

const seconds = (slides: readonly { id: string; seconds: number }[], feed: string) =>
  slides.filter((s) => feedOfId(s.id) === feed).reduce((n, s) => n + s.seconds, 0);

describe('capShares', () => {
  const slide = (id: string, priority?: 'high') => ({ id, seconds: 10, ...(priority ? { item: { priority } } : {}) });

  it.each([
    // [root slides, lvyuan slides, kept lvyuan]: 3 × 10 s of 100 s = 30% fits; 4 of 110 does not.
    [7, 5, ['lvyuan:a', 'lvyuan:b', 'lvyuan:c']],
    [7, 3, ['lvyuan:a', 'lvyuan:b', 'lvyuan:c']],
    [1, 4, ['lvyuan:a']],
    // Alone in the loop: no one to share with.
    [0, 4, ['lvyuan:a', 'lvyuan:b', 'lvyuan:c', 'lvyuan:d']],
  ])('%i root slides and %i of a feed capped at 30%%', (roots, feeds, kept) => {
    const all = [...Array.from({ length: roots }, (_, i) => slide(`r${i}`)), ...'abcde'.slice(0, feeds).split('').map((c) => slide(`lvyuan:${c}`))];
    const r = capShares(all, new Set(), FEEDS);
    expect(r.kept.filter((s) => s.id.startsWith('lvyuan:')).map((s) => s.id)).toEqual(kept);
    // Whatever the input order.
    expect(capShares([...all].reverse(), new Set(), FEEDS).kept.map((s) => s.id).sort()).toEqual(r.kept.map((s) => s.id).sort());
  });

  it('a high slide loses its second showing first, then normal ones go before high ones', () => {
    const high = slide('lvyuan:z', 'high');
    const all = [...Array.from({ length: 6 }, (_, i) => slide(`r${i}`)), slide('lvyuan:a'), slide('lvyuan:b'), high];
    const twice = new Set([high]);
    const r = capShares(all, twice, FEEDS);
    expect(twice.has(high)).toBe(false);
    expect(r.kept.filter((s) => s.id.startsWith('lvyuan:')).map((s) => s.id)).toEqual(['lvyuan:a', 'lvyuan:z']);
    expect(r.dropped.map((d) => [d.slide.id, d.feed, d.max])).toEqual([['lvyuan:b', 'lvyuan', 0.3]]);
  });
});

describe('share of voice in the loop', () => {
  const items = [
    ...many('health/h', 4, 'health'), ...many('safety/s', 3, 'safety'),
    ...many('xuanwu:science/x', 2, 'health'), ...many('lvyuan:notices/n', 6, 'notice'),
  ];

  it('keeps a community within 30% of the loop\'s seconds, the rest left out with the reason, and spreads it out', () => {
    const p = buildPlaylist(items, LVYUAN, settings, T, ctxIn());
    expect(seconds(p.slides, 'lvyuan')).toBeLessThanOrEqual(0.3 * p.totalSeconds);
    expect(seconds(p.slides, 'lvyuan')).toBeGreaterThan(0);
    const out = p.excluded.filter((e) => e.reasons.some((r) => r.code === 'share-cap'));
    expect(out.map((e) => e.id)).toEqual(['lvyuan:notices/n03', 'lvyuan:notices/n04', 'lvyuan:notices/n05']);
    expect(out[0]!.reasons[0]).toMatchObject({ rule: 'share', ok: false, params: { feed: 'lvyuan', max: 30 } });
    // No two slides of the community next to each other (the loop read as a circle).
    const ids = p.slides.map((s) => s.id);
    ids.forEach((id, i) => {
      const next = ids[(i + 1) % ids.length]!;
      expect(feedOfId(id) === 'lvyuan' && feedOfId(next) === 'lvyuan', `${id} then ${next}`).toBe(false);
    });
    // Deterministic: the same items in another order give the same loop.
    expect(buildPlaylist([...items].reverse(), { ...LVYUAN }, settings, T, ctxIn()).slides.map((s) => s.id)).toEqual(ids);
  });

  it('a feed without a cap is not capped; without feeds in the settings nothing changes', () => {
    const p = buildPlaylist(items, LVYUAN, { ...settings, feeds: FEEDS.map((f) => ({ ...f, share: undefined })) }, T, ctxIn());
    expect(p.slides.filter((s) => feedOfId(s.id) === 'lvyuan')).toHaveLength(6);
    const root = items.filter((i) => feedOfId(i.id) === undefined);
    expect(buildPlaylist(root, LVYUAN, SETTINGS, T, ctxIn()).excluded).toEqual([]);
  });
});
