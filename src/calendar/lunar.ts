/**
 * Gregorian date → lunar date, by table look-up. A lunar date is the same wherever the screen
 * is: the Chinese calendar is reckoned in China Standard Time, and a Gregorian date names the
 * same lunar day everywhere.
 */
import { dayNumber } from './days.ts';
import { outOfRange, type CalendarTables, type LunarMonthTable } from './tables.ts';
import type { LunarDate } from './types.ts';

/** A lunar date with what festivals need to know about its month. */
export interface LunarDay extends LunarDate {
  /** 29 or 30 */
  monthLength: number;
  /** The Gregorian year in which its lunar year began. */
  lunarYear: number;
  /** True on the last day of the lunar year (除夕). */
  yearEnd: boolean;
}

/**
 * The lunar date of a Gregorian date, with its month's length.
 * @example lunarDay('2026-02-16', tables) // { month: 12, day: 29, leap: false, monthLength: 29, lunarYear: 2025, yearEnd: true }
 */
export function lunarDay(date: string, tables: CalendarTables): LunarDay {
  const day = dayNumber(date);
  // The lunar year that began in this Gregorian year, or the one before if not yet begun.
  let k = Number(date.slice(0, 4)) - (tables.firstYear - 1);
  const startOf = (i: number): number => tables.years[i]?.months[0]?.start ?? NaN;
  if (day < startOf(k)) k--;
  const year = tables.years[k];
  const months = year?.months ?? [];
  const at = months.findIndex((m) => day >= m.start && day < m.start + m.length);
  const m: LunarMonthTable | undefined = months[at];
  if (!year || !m) return outOfRange(date, tables);
  return {
    month: m.month, day: day - m.start + 1, leap: m.leap, monthLength: m.length,
    lunarYear: year.year, yearEnd: at === months.length - 1 && day === m.start + m.length - 1,
  };
}

/**
 * The lunar date (month, day, leap) of a Gregorian date.
 * @example lunarDate('2026-10-18', tables) // { month: 9, day: 9, leap: false } (重陽)
 */
export function lunarDate(date: string, tables: CalendarTables): LunarDate {
  const { month, day, leap } = lunarDay(date, tables);
  return { month, day, leap };
}
