import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledItem, FeedDelegation, Settings } from '../../src/content/schema.ts';
import { feedOfId } from '../../src/content/scope.ts';
import { buildPlaylist } from '../../src/schedule/playlist.ts';
import { interleave } from '../../src/schedule/interleave.ts';
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
    // One root slide: a single 10 s slide of the feed would be 50% of the loop; none fits.
    [1, 4, []],
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

/** A slide "<id>:<seconds>[:high]" (feed ids: a, b, c; no ":" before the id is the root's). */
type S = { id: string; seconds: number; item?: { priority?: string } };
const parse = (spec: string): S => {
  const m = /^(?:([a-c]):)?([^:]+):(\d+)(:high)?$/.exec(spec)!;
  return { id: m[1] ? `${m[1]}:${m[2]}` : m[2]!, seconds: Number(m[3]), ...(m[4] ? { item: { priority: 'high' } } : {}) };
};
const delegations = (caps: Record<string, number | undefined>): FeedDelegation[] =>
  Object.entries(caps).map(([id, max]) => ({ id, url: `../feeds/${id}/`, scope: scope(id), ...(max === undefined ? {} : { share: { max } }) }));

/** The loop as the interleave plays it (second showings included), and each feed's seconds in it. */
function loopOf(kept: readonly S[], twice: ReadonlySet<S>) {
  const loop = interleave(kept.map((s) => ({ ...s, kind: 'notice', s })), (e) => twice.has(e.s));
  const all = loop.reduce((n, e) => n + e.seconds, 0);
  return { all, of: (feed: string) => loop.filter((e) => feedOfId(e.id) === feed).reduce((n, e) => n + e.seconds, 0) };
}

describe('capShares: every cap holds at once, strictly, over the final loop', () => {
  const n = (prefix: string, count: number, seconds = 10) => Array.from({ length: count }, (_, i) => `${prefix}${i}:${seconds}`);
  it.each<[string, Record<string, number | undefined>, string[], string[], string[]]>([
    // [what, caps, slides, twice (ids), kept ids of the capped feeds]
    ['two caps together (capped one after the other, a ended at 30 of 80 s = 38%)',
      { a: 0.3, b: 0.3 }, [...n('r', 3), ...n('a:', 5), ...n('b:', 5)], [], ['a:0', 'a:1', 'b:0', 'b:1']],
    ['three caps together', { a: 0.2, b: 0.2, c: 0.2 }, [...n('r', 4), ...n('a:', 4), ...n('b:', 4), ...n('c:', 4)], [],
      ['a:0', 'a:1', 'b:0', 'b:1', 'c:0', 'c:1']],
    ['an uncapped feed counts as the others do', { a: 0.3, c: undefined }, [...n('c:', 6), ...n('a:', 5)], [], ['a:0', 'a:1']],
    ['one 600 s slide among 70 s of the root (it kept ~90%)', { a: 0.3 }, [...n('r', 7), 'a:film:600'], [], []],
    ['a long high slide gives way; the short ones that fit stay', { a: 0.3 },
      [...n('r', 7), 'a:long:600:high', 'a:n0:10', 'a:n1:10'], [], ['a:n0', 'a:n1']],
    ['its shortest slide alone over the cap: the feed plays nothing', { a: 0.3 }, ['r0:20', 'a:x:10', 'a:y:12'], [], []],
    ['a second showing of the root does not count in a loop too short to double it', { a: 0.3 },
      ['r:10:high', 'a:0:8', 'a:1:8'], ['r'], []],
    ['the feed\'s own second showing goes first', { a: 0.3 }, [...n('r', 6), 'a:z:10:high', 'a:n:10'], ['a:z'], ['a:n', 'a:z']],
    ['cap 1 never drops, cap 0 drops all', { a: 1, b: 0 }, [...n('r', 1), ...n('a:', 3), 'b:x:10'], [], ['a:0', 'a:1', 'a:2']],
    ['nothing but capped feeds: no one to share with', { a: 0.3, b: 0.3 }, [...n('a:', 3), ...n('b:', 2)], [],
      ['a:0', 'a:1', 'a:2', 'b:0', 'b:1']],
  ])('%s', (_what, caps, specs, twiceIds, kept) => {
    const feeds = delegations(caps);
    const run = (order: 1 | -1) => {
      const slides = specs.map(parse);
      if (order < 0) slides.reverse();
      const twice = new Set(slides.filter((s) => twiceIds.includes(s.id)));
      const r = capShares(slides, twice, feeds);
      return { r, twice, slides };
    };
    const { r, twice, slides } = run(1);
    const capped = (id: string) => feeds.some((f) => f.share?.max !== undefined && f.id === feedOfId(id));
    expect(r.kept.filter((s) => capped(s.id)).map((s) => s.id).sort()).toEqual([...kept].sort());
    // Every slide left out is in `dropped`, with its feed's cap and reason data.
    expect(r.dropped.map((d) => d.slide.id).sort()).toEqual(slides.filter((s) => !r.kept.includes(s)).map((s) => s.id).sort());
    for (const d of r.dropped) expect(d.max).toBe(caps[d.feed]);
    // The final loop, as the interleave plays it: every cap holds (unless only capped feeds play).
    const loop = loopOf(r.kept, twice);
    if (r.kept.some((s) => !capped(s.id))) {
      for (const f of feeds) if (f.share?.max !== undefined) expect(loop.of(f.id)).toBeLessThanOrEqual(f.share.max * loop.all + 1e-9);
    }
    // Deterministic, whatever the input order.
    const back = run(-1);
    expect(back.r.kept.map((s) => s.id).sort()).toEqual(r.kept.map((s) => s.id).sort());
    expect([...back.twice].map((s) => s.id).sort()).toEqual([...twice].map((s) => s.id).sort());
  });
});

describe('capShares (properties)', () => {
  const slideArb = fc.record({
    feed: fc.constantFrom('', '', 'a:', 'b:', 'c:'), seconds: fc.integer({ min: 3, max: 600 }),
    high: fc.boolean(), twice: fc.boolean(),
  });
  const cap = fc.option(fc.constantFrom(0, 0.1, 0.2, 0.3, 0.5, 0.75, 1), { nil: undefined });
  it('ends; every cap holds over the loop as played; nothing left out would fit; any input order', () => {
    fc.assert(fc.property(fc.array(slideArb, { maxLength: 24 }), cap, cap, cap, (specs, a, b, c) => {
      const feeds = delegations({ a, b, c });
      const make = () => specs.map((x, i) => ({
        id: `${x.feed}s${String(i).padStart(2, '0')}`, seconds: x.seconds, twice: x.high && x.twice,
        ...(x.high ? { item: { priority: 'high' } } : {}),
      }));
      const run = (slides: (S & { twice: boolean })[]) => {
        const twice = new Set<S>(slides.filter((s) => s.twice));
        return { r: capShares<S>(slides, twice, feeds), twice };
      };
      const slides = make();
      const { r, twice } = run(slides);
      const capOf = (id: string) => feeds.find((f) => f.id === feedOfId(id))?.share?.max;
      if (!r.kept.some((s) => capOf(s.id) === undefined)) return;
      const loop = loopOf(r.kept, twice);
      for (const f of feeds) {
        const max = f.share?.max;
        if (max === undefined) continue;
        expect(loop.of(f.id)).toBeLessThanOrEqual(max * loop.all + 1e-6);
        // A slide that gave way would put its feed over the cap, were it back (played once).
        for (const d of r.dropped.filter((x) => x.feed === f.id)) {
          expect(loop.of(f.id) + d.slide.seconds).toBeGreaterThan(max * (loop.all + d.slide.seconds) - 1e-6);
        }
      }
      const back = run(make().reverse());
      expect(back.r.kept.map((s) => s.id).sort()).toEqual(r.kept.map((s) => s.id).sort());
      expect([...back.twice].map((s) => s.id).sort()).toEqual([...twice].map((s) => s.id).sort());
    }), { seed: 20261018, numRuns: 600 });
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

  const capped = (xuanwu: number | undefined, lvyuan: number | undefined): Settings => ({
    ...settings, feeds: [{ ...FEEDS[0]!, share: xuanwu === undefined ? undefined : { max: xuanwu } }, { ...FEEDS[1]!, share: lvyuan === undefined ? undefined : { max: lvyuan } }],
  });
  const film = { seconds: 600, type: 'video/webm', width: 1280, height: 720 };
  it.each<[string, Settings, CompiledItem[], number, number]>([
    // [what, settings, items, xuanwu slides, lvyuan slides in the loop]
    ['two caps of 30% hold together', capped(0.3, 0.3),
      [...many('health/h', 2, 'health'), ...many('safety/s', 1, 'safety'), ...many('xuanwu:science/x', 5, 'health'), ...many('lvyuan:notices/n', 5, 'notice')], 2, 2],
    ['one 600 s item escapes no more', capped(undefined, 0.3),
      [...many('health/h', 4, 'health'), ...many('safety/s', 3, 'safety'), item('lvyuan:notices/long', { kind: 'notice', duration: 600 })], 0, 0],
    ['nor does a long film', capped(undefined, 0.3),
      [...many('health/h', 4, 'health'), ...many('safety/s', 3, 'safety'), item('lvyuan:notices/film', { kind: 'notice', film })], 0, 0],
    ['a high root item in a short loop plays once, and the feed fits that', capped(undefined, 0.3),
      [item('health/h', { kind: 'health', duration: 10, priority: 'high' }), ...many('lvyuan:notices/n', 2, 'notice', { duration: 8 })], 0, 0],
  ])('the final loop: %s', (_what, s, list, xuanwu, lvyuan) => {
    const p = buildPlaylist(list, LVYUAN, s, T, ctxIn());
    expect(p.slides.filter((x) => feedOfId(x.id) === 'xuanwu')).toHaveLength(xuanwu);
    expect(p.slides.filter((x) => feedOfId(x.id) === 'lvyuan')).toHaveLength(lvyuan);
    for (const f of s.feeds ?? []) if (f.share?.max !== undefined) expect(seconds(p.slides, f.id)).toBeLessThanOrEqual(f.share.max * p.totalSeconds);
    const left = list.filter((i) => feedOfId(i.id) !== undefined && !p.slides.some((x) => x.id === i.id));
    for (const i of left) expect(p.excluded.find((e) => e.id === i.id)?.reasons[0]?.code).toBe('share-cap');
    expect(buildPlaylist([...list].reverse(), { ...LVYUAN }, s, T, ctxIn()).slides.map((x) => x.id)).toEqual(p.slides.map((x) => x.id));
  });

  it('a feed without a cap is not capped; without feeds in the settings nothing changes', () => {
    const p = buildPlaylist(items, LVYUAN, { ...settings, feeds: FEEDS.map((f) => ({ ...f, share: undefined })) }, T, ctxIn());
    expect(p.slides.filter((s) => feedOfId(s.id) === 'lvyuan')).toHaveLength(6);
    const root = items.filter((i) => feedOfId(i.id) === undefined);
    expect(buildPlaylist(root, LVYUAN, SETTINGS, T, ctxIn()).excluded).toEqual([]);
  });
});
