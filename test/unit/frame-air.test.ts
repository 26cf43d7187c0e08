/**
 * What the glass plays at an instant, as the kiosk's frames, the preview and `npm run plan` all
 * compute it (src/frame/frame-at.ts): on/off with the next switch, drafts never in the loop.
 */
import { describe, expect, it } from 'vitest';
import { decodeTables } from '../../src/calendar/tables.ts';
import { airAt, nextSwitch } from '../../src/frame/frame-at.ts';
import { calendarOptions, createCalendarView } from '../../src/schedule/calendar-view.ts';
import { buildTables } from '../../tools/lib/calendar-tables.ts';
import { loadContent } from '../../tools/lib/load-content.ts';

const content = loadContent('content');
const calendar = createCalendarView(decodeTables(buildTables(2026, 2027)), 'Asia/Shanghai', calendarOptions(content.settings));
const screen = (id: string) => content.screens.find((s) => s.id === id)!;
const t = (iso: string) => Date.parse(iso);

describe('airAt / nextSwitch (issue 10, items 1 and 2)', () => {
  it.each([
    // [screen, instant, on, next switch]
    ['lvyuan-gate', '2026-12-02T03:00:00+08:00', false, '2026-12-02T06:30:00+08:00'],
    ['lvyuan-gate', '2026-12-02T06:29:59+08:00', false, '2026-12-02T06:30:00+08:00'],
    ['lvyuan-gate', '2026-12-02T06:30:00+08:00', true, '2026-12-02T22:00:00+08:00'],
    ['lvyuan-gate', '2026-12-02T21:59:00+08:00', true, '2026-12-02T22:00:00+08:00'],
    ['yingshijie-lobby', '2026-12-05T10:00:00+08:00', false, '2026-12-07T08:00:00+08:00'],
    ['yingshijie-lobby', '2026-12-04T17:55:00+08:00', true, '2026-12-04T18:00:00+08:00'],
  ])('%s at %s: on %s, switches at %s', (id, iso, on, next) => {
    const ctx = { calendar };
    expect(airAt(content.items, screen(id), content.settings, t(iso), ctx).on).toBe(on);
    expect(new Date(nextSwitch(screen(id), content.settings, t(iso), ctx)!).toISOString()).toBe(new Date(t(next)).toISOString());
  });

  it('never puts a draft in the loop, even asked with a preview context', () => {
    const at = t('2026-12-04T10:00:00+08:00');
    const air = airAt(content.items, screen('lvyuan-gate'), content.settings, at, { calendar, preview: true });
    expect(air.playlist?.mode).toBe('loop');
    expect(air.playlist?.slides.some((s) => s.item?.status === 'draft')).toBe(false);
    expect(air.playlist?.excluded.map((e) => e.id)).toContain('alerts/cold-wave-blue');
  });

  it('plays nothing while off', () => {
    expect(airAt(content.items, screen('lvyuan-gate'), content.settings, t('2026-12-02T03:00:00+08:00'), { calendar }).playlist).toBeUndefined();
  });
});
