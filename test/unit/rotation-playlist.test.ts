import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FESTIVALS, KINDS, SEASONS, SOLAR_TERMS } from '../../src/content/keys.ts';
import type { CompiledItem, Screen } from '../../src/content/schema.ts';
import { buildPlaylist } from '../../src/schedule/playlist.ts';
import { slideAt } from '../../src/frame/slide-at.ts';
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

  it('the loop of a screen (no reasons for the items left out) is the loop of the preview, slide for slide', () => {
    fc.assert(fc.property(items, screen, instant, (list, s, t) => {
      const full = buildPlaylist(list, s, SETTINGS, t, ctxIn());
      const lean = buildPlaylist(structuredClone(list), s, SETTINGS, t, ctxIn(), { excluded: false });
      expect(lean.excluded).toEqual([]);
      expect(lean.mode).toBe(full.mode);
      expect(lean.totalSeconds).toBe(full.totalSeconds);
      expect(lean.slides.map((x) => [x.id, x.seconds, x.countdown])).toEqual(full.slides.map((x) => [x.id, x.seconds, x.countdown]));
    }), RUNS);
  });

  it('what it remembers between calls never changes an answer: a run of instants and screens against fresh copies', () => {
    // Instants close together (minutes and days apart: the remembered reasons get reused) and far apart.
    const step = fc.oneof(fc.integer({ min: 0, max: 3 * 3_600_000 }), fc.integer({ min: 0, max: 40 * 86_400_000 }));
    fc.assert(fc.property(items, instant, fc.array(fc.tuple(screen, step, fc.boolean()), { minLength: 2, maxLength: 8 }), (list, t0, run) => {
      const ctx = ctxIn();
      let t = t0;
      for (const [s, dt, preview] of run) {
        t += dt;
        const kept = buildPlaylist(list, s, SETTINGS, t, ctx, { preview });
        const fresh = buildPlaylist(structuredClone(list), structuredClone(s), SETTINGS, t, ctxIn(), { preview });
        expect(kept.mode).toBe(fresh.mode);
        expect(kept.slides.map((x) => [x.id, x.seconds, x.reasons, x.countdown])).toEqual(fresh.slides.map((x) => [x.id, x.seconds, x.reasons, x.countdown]));
        expect(kept.excluded).toEqual(fresh.excluded);
      }
    }), RUNS);
  });

  it('what it remembers for a day still turns with a solar term that falls within the day', () => {
    const ctx = ctxIn();
    // 立冬 2026 falls on 7 November: autumn in the morning, winter by night.
    const [morning, night] = [Date.parse('2026-11-07T00:30:00+08:00'), Date.parse('2026-11-07T23:30:00+08:00')];
    expect(ctx.calendar.factsAt(morning).season).toBe('autumn');
    expect(ctx.calendar.factsAt(night).season).toBe('winter');
    const list: CompiledItem[] = [
      { id: 'winter', kind: 'health', title: '冬', when: { seasons: ['winter'] } },
      { id: 'lidong', kind: 'health', title: '立冬', when: { solarTerms: ['lidong'] } },
      { id: 'always', kind: 'notice', title: '通知' },
    ];
    const ids = (t: number) => buildPlaylist(list, LVYUAN, SETTINGS, t, ctx).slides.map((x) => x.id).sort();
    expect(ids(morning)).toEqual(['always']);
    expect(ids(night)).toEqual(['always', 'lidong', 'winter']);
    expect(ids(morning)).toEqual(['always']);
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
