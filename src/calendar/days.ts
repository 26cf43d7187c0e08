/**
 * Gregorian day arithmetic on "YYYY-MM-DD" strings. A day is also handled as its day number:
 * whole days since 1970-01-01 (the UTC epoch), which makes "next day" and "days between" plain
 * integer sums. No time zone is involved: a local date is a label, not an instant.
 */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The day number (days since 1970-01-01) of a "YYYY-MM-DD" date.
 * Throws a RangeError for anything that is not a real Gregorian date.
 * @example dayNumber('1970-01-02') // 1
 */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  // The round trip refuses 2026-02-30, which Date.UTC would quietly roll over into March.
  if (!m || Number(m[1]) < 100 || dateOfDay(t / DAY_MS) !== date) {
    throw new RangeError(`not a date "YYYY-MM-DD": ${date}`);
  }
  return t / DAY_MS;
}

/**
 * The "YYYY-MM-DD" date of a day number.
 * @example dateOfDay(0) // '1970-01-01'
 */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The date n days after (or, with a negative n, before) a date.
 * @example addDays('2026-12-31', 1) // '2027-01-01'
 */
export function addDays(date: string, n: number): string {
  return dateOfDay(dayNumber(date) + n);
}

/**
 * ISO weekday of a date: 1 = Monday … 7 = Sunday.
 * @example isoWeekday('2026-10-18') // 7 (a Sunday)
 */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * Number of days in a Gregorian month (month 1–12).
 * @example daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
