/** The day's lines name its festivals and observances (the days the work plan asks to mark). */
import { describe, expect, it } from 'vitest';
import { decodeTables } from '../../src/calendar/index.ts';
import type { ObservanceRule } from '../../src/content/schema.ts';
import { dayText } from '../../src/frame/day-text.ts';
import { calendarOptions, createCalendarView } from '../../src/schedule/calendar-view.ts';
import { buildTables, calendarWords } from '../../tools/lib/calendar-tables.ts';

const TZ = 'Asia/Shanghai';
const tables = { ...decodeTables(buildTables(2026, 2027)), ...calendarWords(['zh-Hant', 'zh-Hans', 'en']) };
const custom: ObservanceRule[] = [{ key: 'world-book-day', name: { 'zh-Hant': '世界讀書日', en: 'World Book Day' }, date: '04-23' }];
const cal = createCalendarView(tables, TZ, calendarOptions({ observances: custom }));
const marks = (iso: string, locale: 'zh-Hant' | 'zh-Hans' | 'en' = 'zh-Hant', words = tables) => dayText(Date.parse(iso), locale, TZ, cal, words, custom).marks;

describe('dayText marks', () => {
  it('names the festival or observance of the day, in the screen\'s language', () => {
    expect(marks('2026-10-18T09:00:00+08:00')).toBe('重陽節');
    expect(marks('2027-02-06T09:00:00+08:00', 'zh-Hans')).toBe('春节');
    expect(marks('2026-12-02T09:00:00+08:00')).toBe('全國交通安全日');
    expect(marks('2026-12-02T09:00:00+08:00', 'en')).toBe('National Traffic Safety Day');
    expect(marks('2026-04-23T09:00:00+08:00')).toBe('世界讀書日');
    expect(marks('2026-10-19T09:00:00+08:00')).toBe('');
  });

  it('tables made before the names were shipped: no marks, the other lines as before', () => {
    const names = Object.fromEntries(Object.entries(tables.names).map(([l, n]) => [l, { ...n, festivals: undefined, observances: undefined }]));
    const old = { ...tables, names };
    expect(marks('2026-10-18T09:00:00+08:00', 'zh-Hant', old)).toBe('');
    expect(dayText(Date.parse('2026-10-18T09:00:00+08:00'), 'zh-Hant', TZ, cal, old).lunar).toBe('九月初九');
  });
});
