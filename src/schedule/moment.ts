/**
 * The instant being planned, with its local values computed once for all items.
 */
import type { InstantFacts } from '../calendar/types.ts';
import { SOLAR_TERMS } from '../content/keys.ts';
import type { CalendarView } from './calendar-view.ts';
import { dayNumber, minutesOf } from './time-strings.ts';

export interface Moment {
  readonly instant: number;
  /** Local "YYYY-MM-DD". */
  readonly today: string;
  /** Day number of `today` (days since 1970-01-01). */
  readonly day: number;
  /** ISO weekday of `today` (1 = Monday … 7 = Sunday). */
  readonly weekday: number;
  /** Local "HH:mm" and its minutes since midnight. */
  readonly time: string;
  readonly minute: number;
  readonly cal: CalendarView;
  /** Calendar facts of the instant (computed on first use); throws beyond the calendar tables. */
  facts(): InstantFacts;
  /** The local day and the solar term in force as one number; undefined beyond the tables. */
  termDay(): number | undefined;
}

/** The moment of `instant` in the calendar's time zone. */
export function momentAt(cal: CalendarView, instant: number): Moment {
  const today = cal.localDate(instant);
  const time = cal.localTime(instant);
  let facts: InstantFacts | undefined;
  let failure: unknown;
  let termDay: number | undefined | null = null;
  const day = dayNumber(today);
  const m: Moment = {
    instant, today, day, weekday: cal.isoWeekday(today), time, minute: minutesOf(time), cal,
    termDay() {
      if (termDay !== null) return termDay;
      try {
        termDay = day * 32 + SOLAR_TERMS.indexOf(m.facts().currentTerm.key);
      } catch {
        termDay = undefined;
      }
      return termDay;
    },
    facts: () => {
      if (facts) return facts;
      // Beyond the tables: remember the error, so 10,000 items do not ask 10,000 times.
      if (failure !== undefined) throw failure;
      try {
        return (facts = cal.factsAt(instant));
      } catch (e) {
        failure = e;
        throw e;
      }
    },
  };
  return m;
}
