import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FESTIVALS, KINDS, SEASONS, SOLAR_TERMS } from '../../src/content/keys.ts';
import type { CompiledItem, Screen } from '../../src/content/schema.ts';
import { buildPlaylist } from '../../src/schedule/playlist.ts';
import { slideAt } from '../../src/schedule/slide-at.ts';
import { ctxIn, LOBBY, LVYUAN, SETTINGS } from '../fixtures/schedule/world.ts';

const RUNS = { seed: 20261018, numRuns: 150 };

const day = fc.integer({ min: 1, max: 28 }).map((d) => String(d).padStart(2, '0'));
const month = fc.integer({ min: 1, max: 12 }).map((m) => String(m).padStart(2, '0'));

/** A random item: any kind, maybe a calendar rule, a place, a priority, a draft. */
const anyItem = fc.record({
  kind: fc.constantFrom(...KINDS),
  title: fc.constantFrom('重陽登高', '防火安全', '社區通知 本週六停水', 'Wash hands'),
  when: fc.option(fc.oneof(
    fc.record({ seasons: fc.subarray([...SEASONS], { minLength: 1 }) }),
    fc.record({ solarTerms: fc.subarray([...SOLAR_TERMS], { minLength: 1, maxLength: 3 }) }),
    fc.record({ festivals: fc.subarray([...FESTIVALS], { minLength: 1, maxLength: 2 }), around: fc.record({ before: fc.nat(5), after: fc.nat(5) }) }),
    fc.record({ from: fc.tuple(month, day).map(([m, d]) => `2026-${m}-${d}`), until: fc.tuple(month, day).map(([m, d]) => `2027-${m}-${d}`) }),
    fc.record({ weekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }) }),
    fc.record({ hours: fc.constant([{ from: '22:00', until: '06:00' }]) }),
  ), { nil: undefined }),
  where: fc.option(fc.subarray(['xuanwu', 'lvyuan', 'qingxi', 'tag:elderly', 'tag:lobby'], { minLength: 1 }), { nil: undefined }),
  priority: fc.constantFrom(undefined, undefined, 'high', 'emergency'),
  status: fc.constantFrom(undefined, undefined, undefined, 'draft'),
  expires: fc.option(fc.tuple(month, day).map(([m, d]) => `2026-${m}-${d}`), { nil: undefined }),
}, { requiredKeys: ['kind', 'title'] });

const items = fc.uniqueArray(anyItem, { maxLength: 25, selector: (x) => JSON.stringify(x) })
  .map((list) => list.map((x, i): CompiledItem => {
    const clean = Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined));
    return { ...clean, id: `gen/${String(i).padStart(2, '0')}`, kind: x.kind, title: x.title };
  }));

/** Instants from 2025-06 to 2027-06. */
const instant = fc.integer({ min: Date.UTC(2025, 5, 1), max: Date.UTC(2027, 5, 1) });
const screen = fc.constantFrom<Screen>(LVYUAN, LOBBY);

describe('buildPlaylist (properties)', () => {
  it('is never empty, and its total is the sum of its slides', () => {
    fc.assert(fc.property(items, screen, instant, (list, s, t) => {
      const p = buildPlaylist(list, s, SETTINGS, t, ctxIn());
      expect(p.slides.length).toBeGreaterThan(0);
      expect(p.totalSeconds).toBe(p.slides.reduce((a, x) => a + x.seconds, 0));
      for (const x of p.slides) expect(x.seconds).toBeGreaterThanOrEqual(3);
      const shown = new Set(p.slides.map((x) => x.id));
      for (const e of p.excluded) expect(shown.has(e.id)).toBe(false);
      if (p.mode !== 'builtin') expect(shown.size + p.excluded.length).toBe(list.length);
    }), RUNS);
  });

  it('is a pure function of its inputs: copies of the items, in any order, give the same loop', () => {
    fc.assert(fc.property(items, screen, instant, (list, s, t) => {
      const a = buildPlaylist(list, s, SETTINGS, t, ctxIn());
      const b = buildPlaylist(structuredClone(list).reverse(), structuredClone(s), structuredClone(SETTINGS), t, ctxIn());
      expect(b.mode).toBe(a.mode);
      expect(b.slides.map((x) => [x.id, x.seconds, x.reasons])).toEqual(a.slides.map((x) => [x.id, x.seconds, x.reasons]));
      expect(b.excluded).toEqual(a.excluded);
    }), RUNS);
  });

  it('the slide on air is a function of the instant', () => {
    fc.assert(fc.property(items, screen, instant, fc.integer({ min: 0, max: 86_400_000 }), (list, s, t, later) => {
      const p = buildPlaylist(list, s, SETTINGS, t, ctxIn());
      const again = buildPlaylist(structuredClone(list), s, SETTINGS, t, ctxIn());
      const u = t + later;
      const on = slideAt(p, u);
      expect(slideAt(again, u).index).toBe(on.index);
      expect(on.startsAt).toBeLessThanOrEqual(u);
      expect(on.endsAt).toBeGreaterThan(u);
      expect(on.endsAt - on.startsAt).toBe(Math.round(on.slide.seconds * 1000));
      expect(slideAt(p, on.startsAt).index).toBe(on.index);
      expect(slideAt(p, on.endsAt).index).toBe((on.index + 1) % p.slides.length);
    }), RUNS);
  });

  it('high items come round twice per loop, never side by side', () => {
    fc.assert(fc.property(items, screen, instant, (list, s, t) => {
      const p = buildPlaylist(list, s, SETTINGS, t, ctxIn());
      fc.pre(p.mode === 'loop' || p.mode === 'evergreen');
      const ids = p.slides.map((x) => x.id);
      const isHigh = (x: (typeof p.slides)[number]) => x.item?.priority === 'high' || x.item?.priority === 'emergency';
      const distinct = new Set(ids).size;
      const highs = new Set(p.slides.filter(isHigh).map((x) => x.id)).size;
      for (const x of p.slides) {
        expect(ids.filter((id) => id === x.id).length).toBe(isHigh(x) && distinct + highs >= 4 ? 2 : 1);
      }
      if (ids.length >= 4) ids.forEach((id, i) => expect(ids[(i + 1) % ids.length]).not.toBe(id));
    }), RUNS);
  });

  it('an active emergency alert always takes over', () => {
    fc.assert(fc.property(items, screen, instant, (list, s, t) => {
      const alarm: CompiledItem = { id: 'zz/alarm', kind: 'alert', title: '緊急通知', priority: 'emergency' };
      const p = buildPlaylist([...list, alarm], s, SETTINGS, t, ctxIn());
      expect(p.mode).toBe('emergency');
      for (const x of p.slides) expect(x.item?.priority === 'emergency' && x.kind === 'alert').toBe(true);
    }), RUNS);
  });
});
