import { localBound } from '../local-bound.ts';
import type { Moment } from '../moment.ts';
import { afterStart, beforeEnd, keep, SLOT, type Prepared } from '../prepared.ts';
import { reason, type ParamValue, type Reason } from '../reason.ts';

/**
 * `when.from` / `when.until`: days are inclusive in the settings' time zone, date-times exact.
 * A window may cross a year end (from 2026-12-20 until 2027-01-05).
 */
export function datesRule(p: Prepared, m: Moment): Reason | undefined {
  const { from, until } = p;
  if (from === undefined && until === undefined) return undefined;
  const ok = (from === undefined || afterStart(from, m.instant, m.today))
    && (until === undefined || beforeEnd(until, m.instant, m.today));
  const prev = p.memo[SLOT.dates];
  if (prev !== undefined && prev.ok === ok) return prev;
  const params: Record<string, ParamValue> = {};
  const when = p.item.when;
  if (when?.from !== undefined) params.from = localBound(when.from, m.cal);
  if (when?.until !== undefined) params.until = localBound(when.until, m.cal);
  return keep(p, SLOT.dates, reason('dates', ok, ok ? 'within-dates' : 'outside-dates', params));
}
