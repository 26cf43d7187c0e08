/**
 * Solar terms: their instants, the term in force at an instant (its period runs from its own
 * instant to the next term's), and the term that begins on a local day.
 */
import { SOLAR_TERMS } from '../content/keys.ts';
import { outOfRange, termIndexAt, type CalendarTables } from './tables.ts';
import type { TermInstant } from './types.ts';
import { zonedInstant } from './zone.ts';

function termAtIndex(k: number, tables: CalendarTables): TermInstant {
  return { key: SOLAR_TERMS[termIndexAt(k)] ?? 'dongzhi', instant: tables.terms[k] ?? NaN };
}

/** Index of the first term whose instant is at or after t (terms.length if none). */
function firstAtOrAfter(t: number, tables: CalendarTables): number {
  let lo = 0;
  let hi = tables.terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tables.terms[mid] ?? Infinity) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The 24 terms of a Gregorian year, 小寒 … 冬至, with their instants (UTC ms).
 * @example termsOfYear(2026, tables)[2] // { key: 'lichun', instant: Date.UTC(2026, 1, 3, 20, 2) }
 */
export function termsOfYear(year: number, tables: CalendarTables): TermInstant[] {
  if (!Number.isInteger(year) || year < tables.firstYear || year > tables.lastYear) {
    return outOfRange(String(year), tables);
  }
  const k = 1 + (year - tables.firstYear) * 24;
  return Array.from({ length: 24 }, (_, i) => termAtIndex(k + i, tables));
}

/**
 * The term in force at an instant, and the next one (where its period ends).
 * @example termAt(Date.UTC(2027, 0, 1), tables) // dongzhi 2026-12-21T20:50Z, next: xiaohan 2027
 */
export function termAt(instant: number, tables: CalendarTables): TermInstant & { next: TermInstant } {
  // The last term at or before the instant: one before the first strictly after it.
  const k = firstAtOrAfter(instant + 1, tables) - 1;
  if (k < 0 || k + 1 >= tables.terms.length) return outOfRange(new Date(instant).toISOString(), tables);
  return { ...termAtIndex(k, tables), next: termAtIndex(k + 1, tables) };
}

/**
 * The term whose instant falls on a local day in a zone, if any (terms are ~15 days apart, so
 * at most one).
 * @example termOnDay('2026-10-23', tables) // { key: 'shuangjiang', instant: … 17:38 +08:00 }
 */
export function termOnDay(date: string, tables: CalendarTables, timeZone = 'Asia/Shanghai'): TermInstant | undefined {
  const start = zonedInstant(date, '00:00', timeZone);
  const end = zonedInstant(date, '24:00', timeZone);
  const k = firstAtOrAfter(start, tables);
  if (k === 0 || k >= tables.terms.length) return outOfRange(date, tables);
  return (tables.terms[k] ?? Infinity) < end ? termAtIndex(k, tables) : undefined;
}
