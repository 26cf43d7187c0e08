/**
 * The calendar as the schedule sees it: one time zone, one set of tables, memoised.
 * Evaluating 10,000 items at one instant asks the same questions 10,000 times; the view
 * answers the repeats from small caches (per instant, per local date).
 */
import { addDays, isoWeekday } from '../calendar/days.ts';
import { dayFacts, instantFacts } from '../calendar/facts.ts';
import type { CalendarTables } from '../calendar/tables.ts';
import { termAt } from '../calendar/terms.ts';
import type { CalendarOptions, DayFacts, InstantFacts } from '../calendar/types.ts';
import { localDate, localTime, zonedInstant } from '../calendar/zone.ts';
import type { Settings } from '../content/schema.ts';

/** The term in force at an instant: from its instant until the next term's instant. */
export type CurrentTerm = InstantFacts['currentTerm'];

/**
 * The bare look-ups the view needs, already bound to a time zone and tables.
 * `createCalendarView` builds one from src/calendar; tests may fake it.
 */
export interface CalendarSource {
  readonly timeZone: string;
  /** Local "YYYY-MM-DD" of an instant (ms since the epoch). */
  localDate(instant: number): string;
  /** Local "HH:mm" of an instant. */
  localTime(instant: number): string;
  /** The instant of a local date and "HH:mm" time. */
  zonedInstant(date: string, time: string): number;
  /** Facts of one local day. */
  dayFacts(date: string): DayFacts;
  /** Facts of one instant (local day facts plus weekday, time and the term in force). */
  instantFacts(instant: number): InstantFacts;
  /** The solar term in force at an instant. */
  termAt(instant: number): CurrentTerm;
}

/** Memoised calendar look-ups in one time zone; every method is pure. */
export interface CalendarView {
  readonly timeZone: string;
  /** Local "YYYY-MM-DD" of an instant. */
  localDate(instant: number): string;
  /** Local "HH:mm" of an instant. */
  localTime(instant: number): string;
  /** ISO weekday (1 = Monday … 7 = Sunday) of a "YYYY-MM-DD". */
  isoWeekday(date: string): number;
  /** The calendar day `n` days after `date`. */
  addDays(date: string, n: number): string;
  /** The instant of a local date and time (default "00:00"). */
  zonedInstant(date: string, time?: string): number;
  /** Facts of one local day (memoised per date). */
  dayFacts(date: string): DayFacts;
  /** Facts of one instant (memoised for the last instants asked). */
  factsAt(instant: number): InstantFacts;
  /** The term in force at an instant. */
  termAt(instant: number): CurrentTerm;
}

/** A bounded memo: clears itself when it grows past `max` entries. */
function memo<K, V>(max: number, compute: (k: K) => V): (k: K) => V {
  const cache = new Map<K, V>();
  return (k) => {
    let v = cache.get(k);
    if (v === undefined && !cache.has(k)) {
      v = compute(k);
      if (cache.size >= max) cache.clear();
      cache.set(k, v);
    }
    return v as V;
  };
}

/**
 * Wraps a CalendarSource in caches.
 * @example const cal = calendarView(source); cal.dayFacts('2026-10-18').festivals // ['chongyang']
 */
export function calendarView(source: CalendarSource): CalendarView {
  const localDate = memo(4096, (t: number) => source.localDate(t));
  const localTime = memo(4096, (t: number) => source.localTime(t));
  const dayFacts = memo(4096, (d: string) => source.dayFacts(d));
  const factsAt = memo(64, (t: number) => source.instantFacts(t));
  const termAt = memo(256, (t: number) => source.termAt(t));
  const zoned = memo(1024, (k: string) => source.zonedInstant(k.slice(0, 10), k.slice(11)));
  return {
    timeZone: source.timeZone,
    localDate,
    localTime,
    isoWeekday,
    addDays: (date, n) => (n === 0 ? date : addDays(date, n)),
    zonedInstant: (date, time = '00:00') => zoned(`${date} ${time}`),
    dayFacts,
    factsAt,
    termAt,
  };
}

/** The calendar options a site's settings imply (season system, custom observances). */
export function calendarOptions(settings: Settings): CalendarOptions {
  return { seasons: settings.seasons, observances: settings.observances };
}

/**
 * The schedule's calendar for decoded tables, a time zone and options.
 * @example const cal = createCalendarView(decodeTables(json), 'Asia/Shanghai', calendarOptions(settings));
 */
export function createCalendarView(tables: CalendarTables, timeZone: string, options: CalendarOptions = {}): CalendarView {
  return calendarView({
    timeZone,
    localDate: (t) => localDate(t, timeZone),
    localTime: (t) => localTime(t, timeZone),
    zonedInstant: (date, time) => zonedInstant(date, time, timeZone),
    dayFacts: (date) => dayFacts(date, tables, options, timeZone),
    instantFacts: (t) => instantFacts(t, timeZone, tables, options),
    termAt: (t) => termAt(t, tables),
  });
}
