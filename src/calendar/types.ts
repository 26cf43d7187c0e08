/**
 * Calendar facts. Everything in src/calendar is a pure function of (instant or local date,
 * time zone, tables): no clock, no browser API, no astronomy and no Intl Chinese calendar at
 * run time. The tables are computed at build time (tools/lib/calendar-tables.ts) and shipped with
 * the content.
 */
import type { Festival, Season, SeasonSystem, SolarTerm } from '../content/keys.ts';
import type { ObservanceRule } from '../content/schema.ts';

/** A lunar date. month 1–12, day 1–30; leap is true in a leap (閏) month. */
export interface LunarDate {
  month: number;
  day: number;
  leap: boolean;
}

/** A solar term and its instant (ms since the epoch, UTC). */
export interface TermInstant {
  key: SolarTerm;
  instant: number;
}

/** Facts of one local day, as `npm run calendar` prints them. */
export interface DayFacts {
  /** "YYYY-MM-DD" */
  date: string;
  lunar: LunarDate;
  /** The solar term whose instant falls on this local day, if any. */
  solarTerm?: TermInstant;
  festivals: Festival[];
  observances: string[];
  season: Season;
}

/** Facts of one instant in one time zone, for the schedule and the kiosk header. */
export interface InstantFacts extends DayFacts {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** "HH:mm" local time. */
  time: string;
  /** The term in force: from its instant until the next term's instant. */
  currentTerm: TermInstant & { next: TermInstant };
}

export interface CalendarOptions {
  seasons?: SeasonSystem;
  /** Extra observances from settings.json. */
  observances?: ObservanceRule[];
}
