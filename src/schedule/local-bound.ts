/**
 * Labels for bounds written as "YYYY-MM-DD" (a whole local day) or as an ISO date-time.
 */
import type { CalendarView } from './calendar-view.ts';
import { instantOf, isDay } from './time-strings.ts';

const labels = new Map<string, Map<string, string>>();

/** The bound as a local "YYYY-MM-DD" or "YYYY-MM-DD HH:mm", for reasons (memoised per time zone). */
export function localBound(bound: string, cal: CalendarView): string {
  if (isDay(bound)) return bound;
  let m = labels.get(cal.timeZone);
  if (!m) labels.set(cal.timeZone, (m = new Map()));
  let label = m.get(bound);
  if (label === undefined) {
    const t = instantOf(bound);
    label = `${cal.localDate(t)} ${cal.localTime(t)}`;
    if (m.size > 10_000) m.clear();
    m.set(bound, label);
  }
  return label;
}
