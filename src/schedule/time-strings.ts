/**
 * Small pure helpers for local dates ("YYYY-MM-DD"), local times ("HH:mm") and the
 * "day or instant" strings that content files use. No clock, no time zone: callers pass
 * local values that a CalendarView computed.
 */

import { DAY_MS } from '../calendar/days.ts';

export { DAY_MS };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a bare day "YYYY-MM-DD" (as opposed to an ISO date-time). */
export function isDay(s: string): boolean {
  return DATE_ONLY.test(s);
}

/**
 * Days since 1970-01-01 of a "YYYY-MM-DD" (a calendar-day count; no time zone involved).
 * Unchecked, for the per-item hot path: its inputs come from validated content or a
 * CalendarView. calendar/days.ts `dayNumber` is the checking version for everything else.
 */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** Minutes since local midnight of "HH:mm" ("24:00" = 1440). */
export function minutesOf(hm: string): number {
  return Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
}

/**
 * Whether a local time of day lies in [from, until). A range whose end is before its start
 * (22:00–06:00) wraps past midnight; equal ends mean the whole day.
 */
export function inTimeRange(minute: number, from: number, until: number): boolean {
  if (from === until) return true;
  return from < until ? minute >= from && minute < until : minute >= from || minute < until;
}

const parsed = new Map<string, number>();

/** Milliseconds of an ISO date-time with offset, memoised (content repeats the same strings). */
export function instantOf(iso: string): number {
  let t = parsed.get(iso);
  if (t === undefined) {
    t = Date.parse(iso);
    if (parsed.size > 50_000) parsed.clear();
    parsed.set(iso, t);
  }
  return t;
}
