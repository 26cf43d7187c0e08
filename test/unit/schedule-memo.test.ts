import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledItem } from '../../src/content/schema.ts';
import { createCalendarView } from '../../src/schedule/calendar-view.ts';
import { eligible } from '../../src/schedule/eligible.ts';
import { buildPlaylist } from '../../src/schedule/playlist.ts';
import { syntheticItems } from '../fixtures/schedule/synthetic-items.ts';
import { at, ctxIn, item, LOBBY, LVYUAN, SETTINGS, testTables } from '../fixtures/schedule/world.ts';

describe('results reused between calls never change the answer', () => {
  const items = syntheticItems(120, 7);
  const instants = fc.integer({ min: Date.UTC(2025, 11, 1), max: Date.UTC(2027, 1, 1) });

  it('a sequence of instants and screens gives what fresh items give', () => {
    fc.assert(fc.property(fc.array(fc.tuple(instants, fc.boolean()), { minLength: 2, maxLength: 6 }), (steps) => {
      for (const [t, lobby] of steps) {
        const screen = lobby ? LOBBY : LVYUAN;
        const warm = buildPlaylist(items, screen, SETTINGS, t, ctxIn());
        const fresh = buildPlaylist(structuredClone(items), screen, SETTINGS, t, ctxIn());
        expect(warm.slides.map((s) => [s.id, s.seconds, s.reasons, s.countdown])).toEqual(fresh.slides.map((s) => [s.id, s.seconds, s.reasons, s.countdown]));
        expect(warm.excluded).toEqual(fresh.excluded);
      }
    }), { seed: 1018, numRuns: 40 });
  });

  it('the same item in two time zones keeps each zone’s words', () => {
    const x = item('x', { when: { from: '2026-10-15T09:00:00+08:00' } });
    const t = at('2026-10-01T00:00:00Z');
    expect(eligible(x, LVYUAN, t, ctxIn()).reasons[0]?.params.from).toBe('2026-10-15 09:00');
    expect(eligible(x, LVYUAN, t, ctxIn('America/New_York')).reasons[0]?.params.from).toBe('2026-10-14 21:00');
    expect(eligible(x, LVYUAN, t, ctxIn()).reasons[0]?.params.from).toBe('2026-10-15 09:00');
  });

  it('a minute later, an item out of hours says the new time', () => {
    const x = item('x', { when: { hours: [{ from: '08:00', until: '09:00' }] } });
    expect(eligible(x, LVYUAN, at('2026-10-18T12:00:00+08:00'), ctxIn()).reasons[0]?.params.time).toBe('12:00');
    expect(eligible(x, LVYUAN, at('2026-10-18T12:01:00+08:00'), ctxIn()).reasons[0]?.params.time).toBe('12:01');
  });
});

describe('beyond the calendar tables', () => {
  it('leaves out items that need calendar facts, and plays the rest', () => {
    const calendar = createCalendarView(testTables(), 'Asia/Shanghai');
    const items: CompiledItem[] = [item('a/autumn', { when: { seasons: ['autumn'] } }), item('b/always')];
    const p = buildPlaylist(items, LVYUAN, SETTINGS, at('2031-10-18T09:00:00+08:00'), { calendar });
    expect(p.slides.map((s) => s.id)).toEqual(['b/always']);
    expect(p.excluded).toEqual([{ id: 'a/autumn', reasons: [expect.objectContaining({ rule: 'calendar', code: 'no-calendar' })] }]);
  });
});
