import { describe, expect, it } from 'vitest';
import { decodeTables } from '../../src/calendar/tables.ts';
import { dayTimeline, hoursSpan, outlook } from '../../src/preview/timeline.ts';
import { calendarOptions, createCalendarView } from '../../src/schedule/calendar-view.ts';
import { buildTables } from '../../tools/lib/calendar-tables.ts';
import { loadContent } from '../../tools/lib/load-content.ts';

const content = loadContent('content');
const screen = content.screens.find((s) => s.id === 'lvyuan-gate')!;
const calendar = createCalendarView(decodeTables(buildTables(2026, 2027)), 'Asia/Shanghai', calendarOptions(content.settings));
const ctx = { calendar };

describe('preview timelines', () => {
  it('shows a morning-only item in the morning half-hours only', () => {
    const t = dayTimeline('2026-10-18', content.items, screen, content.settings, ctx);
    // The screen's hours, 06:30–22:00 (issue 10, item 1: nothing at 06:00 while the glass is dark).
    expect(t.columns[0]).toBe('06:30');
    expect(t.columns.at(-1)).toBe('21:30');
    expect(t.lit.every(Boolean)).toBe(true);
    const row = t.rows.find((r) => r.id === 'health/morning-walk');
    expect(row, 'health/morning-walk on air on a Sunday morning').toBeDefined();
    const on = t.columns.filter((_, i) => row!.on[i]);
    expect(on).toEqual(['06:30', '07:00', '07:30', '08:00', '08:30', '09:00', '09:30']);
  });

  it('shows nothing on a day the screen is dark, and never a draft', () => {
    const lobby = content.screens.find((s) => s.id === 'yingshijie-lobby')!;
    const saturday = dayTimeline('2026-12-05', content.items, lobby, content.settings, ctx);
    expect(saturday.columns[0]).toBe('08:00');
    expect(saturday.columns.at(-1)).toBe('17:30');
    expect(saturday.lit.some(Boolean)).toBe(false);
    expect(saturday.rows).toEqual([]);
    const draftDay = dayTimeline('2026-12-04', content.items, screen, content.settings, { calendar, preview: true });
    expect(draftDay.rows.map((r) => r.id)).not.toContain('alerts/cold-wave-blue');
    expect(draftDay.rows.length).toBeGreaterThan(3);
  });

  it('spans hours that run past midnight, and the whole day when there are none', () => {
    expect(hoursSpan({ ...screen, hours: { on: '18:00', off: '02:00' } }, content.settings)).toEqual([18 * 60, 26 * 60]);
    expect(hoursSpan({ ...screen, hours: { on: '06:45', off: '21:50' } }, content.settings)).toEqual([6 * 60 + 30, 22 * 60]);
    const { hours: _, ...always } = screen;
    expect(hoursSpan(always, { ...content.settings, hours: undefined })).toEqual([0, 24 * 60]);
    const night = dayTimeline('2026-10-18', content.items, { ...screen, hours: { on: '18:00', off: '02:00' } }, content.settings, ctx);
    expect(night.columns[0]).toBe('18:00');
    expect(night.columns.at(-1)).toBe('01:30');
    expect(night.lit.every(Boolean)).toBe(true);
  });

  it('shows 重陽 items around 2026-10-18 in the 14-day outlook, and not after their window', () => {
    const t = outlook('2026-10-10', 14, content.items, screen, content.settings, ctx);
    expect(t.columns).toHaveLength(14);
    expect(t.columns[0]).toBe('10/10');
    const walk = t.rows.find((r) => r.id === 'health/autumn/chongyang-walk');
    expect(walk).toBeDefined();
    // around: 7 days before and 2 after 10/18 → 10/11 … 10/20.
    expect(t.columns.filter((_, i) => walk!.on[i])).toEqual(['10/11', '10/12', '10/13', '10/14', '10/15', '10/16', '10/17', '10/18', '10/19', '10/20']);
  });
});
