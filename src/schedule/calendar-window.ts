/**
 * The calendar markers near an instant, widened by an item's `around: {before, after}` days:
 *  - a festival or observance on day F matches the local days F − before … F + after;
 *  - a solar term's period [its instant, next term's instant) widens to
 *    [instant − before × 24 h, next instant + after × 24 h).
 * Results are memoised per calendar view, so 10,000 items with the same `around` cost one look-up.
 */
import type { SolarTerm } from '../content/keys.ts';
import type { CalendarView } from './calendar-view.ts';
import { DAY_MS } from './time-strings.ts';

/** Markers found near a day: key → the local date it falls on (the nearest one). */
export interface DayMarkers {
  festivals: ReadonlyMap<string, string>;
  observances: ReadonlyMap<string, string>;
}

type Cache<K, V> = Map<K, Map<number, V>>;
const dayCache = new WeakMap<CalendarView, Cache<string, DayMarkers>>();
const termCache = new WeakMap<CalendarView, Cache<number, ReadonlyMap<SolarTerm, number>>>();

/** The cache for (calendar, key) with `around` as one number; no strings built per look-up. */
function cacheFor<K, V>(store: WeakMap<CalendarView, Cache<K, V>>, cal: CalendarView, key: K): Map<number, V> {
  let byKey = store.get(cal);
  if (!byKey) store.set(cal, (byKey = new Map()));
  let m = byKey.get(key);
  if (!m) {
    if (byKey.size > 1024) byKey.clear();
    byKey.set(key, (m = new Map()));
  }
  return m;
}

/** Festivals and observances whose day is within [date − after, date + before], nearest first. */
export function markersAround(cal: CalendarView, date: string, before: number, after: number): DayMarkers {
  const cache = cacheFor(dayCache, cal, date);
  const key = before * 1000 + after;
  const hit = cache.get(key);
  if (hit) return hit;
  const festivals = new Map<string, string>();
  const observances = new Map<string, string>();
  const visit = (offset: number) => {
    const day = cal.addDays(date, offset);
    const facts = cal.dayFacts(day);
    for (const f of facts.festivals) if (!festivals.has(f)) festivals.set(f, day);
    for (const o of facts.observances) if (!observances.has(o)) observances.set(o, day);
  };
  visit(0);
  for (let k = 1; k <= Math.max(before, after); k++) {
    if (k <= before) visit(k);
    if (k <= after) visit(-k);
  }
  const result = { festivals, observances };
  cache.set(key, result);
  return result;
}

/** Solar terms whose widened period contains the instant: key → the term's instant. */
export function termsAround(cal: CalendarView, instant: number, before: number, after: number): ReadonlyMap<SolarTerm, number> {
  const cache = cacheFor(termCache, cal, instant);
  const key = before * 1000 + after;
  const hit = cache.get(key);
  if (hit) return hit;
  const found = new Map<SolarTerm, number>();
  const first = cal.termAt(instant - after * DAY_MS);
  found.set(first.key, first.instant);
  let next = first.next;
  while (next.instant - before * DAY_MS <= instant && found.size < 24) {
    found.set(next.key, next.instant);
    next = cal.termAt(next.instant).next;
  }
  cache.set(key, found);
  return found;
}
