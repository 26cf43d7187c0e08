/**
 * Everything the schedule, the header and `npm run calendar` need about a local day or an
 * instant, from the tables alone.
 */
import { addDays, isoWeekday } from './days.ts';
import { festivalsOn } from './festivals.ts';
import { lunarDate } from './lunar.ts';
import { observancesOn } from './observances.ts';
import { seasonAt } from './seasons.ts';
import type { CalendarTables } from './tables.ts';
import { termAt, termOnDay } from './terms.ts';
import type { CalendarOptions, DayFacts, InstantFacts } from './types.ts';
import { localDate, localTime, zonedInstant } from './zone.ts';

/**
 * The facts of a local day in a zone (default Asia/Shanghai).
 * Its season is the one in force at the END of the day (its last millisecond): the day on which
 * 立春 falls counts as spring, as people call it 立春日, and the day agrees with its solarTerm.
 * @example dayFacts('2026-10-18', tables, {}) // { date, lunar: {9, 9}, festivals: ['chongyang'], season: 'autumn', … }
 */
export function dayFacts(
  date: string, tables: CalendarTables, opts: CalendarOptions = {}, timeZone = 'Asia/Shanghai',
): DayFacts {
  const solarTerm = termOnDay(date, tables, timeZone);
  const end = zonedInstant(addDays(date, 1), '00:00', timeZone) - 1;
  return {
    date,
    lunar: lunarDate(date, tables),
    ...(solarTerm ? { solarTerm } : {}),
    festivals: festivalsOn(date, tables, timeZone),
    observances: observancesOn(date, opts.observances),
    season: seasonAt(end, date, tables, opts.seasons),
  };
}

/**
 * The facts of an instant in a zone. Unlike dayFacts, its season is the one in force at the
 * instant itself (on 立春 day, before the term's minute it is still winter).
 * @example instantFacts(Date.parse('2026-10-18T09:00:00+08:00'), 'Asia/Shanghai', tables, {}).time // '09:00'
 */
export function instantFacts(
  instant: number, timeZone: string, tables: CalendarTables, opts: CalendarOptions = {},
): InstantFacts {
  const date = localDate(instant, timeZone);
  return {
    ...dayFacts(date, tables, opts, timeZone),
    season: seasonAt(instant, date, tables, opts.seasons),
    weekday: isoWeekday(date),
    time: localTime(instant, timeZone),
    currentTerm: termAt(instant, tables),
  };
}
