import { describe, expect, it } from 'vitest';
import { PLAY_COLUMNS, toCsv } from '../../src/content/csv.ts';
import { plannedDay } from '../../src/frame/planned-day.ts';
import { airAt } from '../../src/frame/frame-at.ts';
import { slideAt } from '../../src/frame/slide-at.ts';
import { calendarOf } from '../../src/frame/calendar-of.ts';
import { sampleContentSet } from '../fixtures/content/sample-set.ts';

const content = await sampleContentSet();

describe('the planned day (the preview\'s CSV, in the fleet export\'s columns)', () => {
  const rows = plannedDay(content, 'lvyuan-gate', '2026-10-18');

  it('counts each item\'s slides that begin within the screen\'s lit hours of that day', () => {
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => r.date === '2026-10-18' && r.screen === 'lvyuan-gate' && r.plays > 0 && r.completed === r.plays)).toBe(true);
    // Lit 06:30–22:00: the planned seconds fill the hours (the last slide may run past 22:00).
    const seconds = rows.reduce((a, r) => a + r.seconds, 0);
    expect(seconds).toBeGreaterThanOrEqual(15.5 * 3600 - 60);
    expect(seconds).toBeLessThanOrEqual(15.5 * 3600 + 120);
    // The glass at 09:00 plays a slide of one of these items.
    const ctx = { calendar: calendarOf(content) };
    const at = Date.parse('2026-10-18T09:00:00+08:00');
    const slide = slideAt(airAt(content.items, content.manifest.screens[0]!, content.manifest.settings, at, ctx).playlist!, at).slide;
    expect(rows.map((r) => r.item)).toContain(slide.id);
    expect(rows.some((r) => r.item === 'builtin/today')).toBe(false);
  });

  it('is the fleet CSV\'s columns, BOM and all', () => {
    const csv = toCsv(PLAY_COLUMNS, rows.map((r) => PLAY_COLUMNS.map((c) => r[c as keyof typeof r])));
    expect(csv.startsWith('\uFEFFdate,screen,item,title,kind,plays,completed,seconds\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(rows.length + 2);
  });

  it('is empty for a screen the content does not have', () => {
    expect(plannedDay(content, 'no-such-screen', '2026-10-18')).toEqual([]);
  });
});
