/**
 * Screen hours as minutes of the local day, and what follows from them: whether an instant is
 * within them, and how many minutes of a date they cover (the denominator of availability).
 * Without hours a screen is on all day. `off` at or before `on` runs past midnight.
 */
import { isoWeekday } from '../../src/calendar/days.ts';
import { localDate, localTime } from '../../src/calendar/zone.ts';
import type { ScreenHours } from '../../src/content/schema.ts';

export interface Hours {
  on: number;
  off: number;
  /** ISO weekdays, 1 = Monday. */
  weekdays: number[];
}

const minutes = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

export function hoursOf(hours: ScreenHours | undefined): Hours {
  if (!hours) return { on: 0, off: 1440, weekdays: [1, 2, 3, 4, 5, 6, 7] };
  return { on: minutes(hours.on), off: minutes(hours.off), weekdays: hours.weekdays ?? [1, 2, 3, 4, 5, 6, 7] };
}

function inRange(h: Hours, minute: number): boolean {
  return h.on < h.off ? minute >= h.on && minute < h.off : minute >= h.on || minute < h.off;
}

export function withinHours(h: Hours, instant: number, timeZone: string): boolean {
  if (!h.weekdays.includes(isoWeekday(localDate(instant, timeZone)))) return false;
  return inRange(h, minutes(localTime(instant, timeZone)));
}

/** Minutes of a local date (YYYY-MM-DD) within the hours. */
export function minutesOn(h: Hours, date: string): number {
  if (!h.weekdays.includes(isoWeekday(date))) return 0;
  return h.on < h.off ? h.off - h.on : 1440 - h.on + h.off;
}

/** Minutes of a local date within the hours before `untilMinute` of that day (today so far). */
export function minutesOnBefore(h: Hours, date: string, untilMinute: number): number {
  if (!h.weekdays.includes(isoWeekday(date))) return 0;
  let n = 0;
  for (let m = 0; m < Math.min(1440, untilMinute); m++) if (inRange(h, m)) n++;
  return n;
}

/** The local date and minute of the day of an instant. */
export function localMinute(instant: number, timeZone: string): { date: string; minute: number } {
  return { date: localDate(instant, timeZone), minute: minutes(localTime(instant, timeZone)) };
}
