/**
 * The date rule: `when.from` / `when.until` (whole local days or exact instants), its last
 * reason kept in the item's rule memo (./rule-memo.ts).
 */
import { localBound } from '../local-bound.ts';
import type { Moment } from '../moment.ts';
import { afterStart, beforeEnd, type Prepared } from '../prepared.ts';
import { keep, SLOT, type RuleMemo } from '../rule-memo.ts';
import { reason, type ParamValue, type Reason } from '../reason.ts';

/**
 * `when.from` / `when.until`: days are inclusive in the settings' time zone, date-times exact.
 * A window may cross a year end (from 2026-12-20 until 2027-01-05).
 */
export function datesRule(p: Prepared, memo: RuleMemo, m: Moment): Reason | undefined {
  const { from, until } = p;
  if (from === undefined && until === undefined) return undefined;
  const ok = (from === undefined || afterStart(from, m.instant, m.today))
    && (until === undefined || beforeEnd(until, m.instant, m.today));
  const prev = memo.reasons[SLOT.dates];
  if (prev !== undefined && prev.ok === ok) return prev;
  const params: Record<string, ParamValue> = {};
  const when = p.item.when;
  if (when?.from !== undefined) params.from = localBound(when.from, m.cal);
  if (when?.until !== undefined) params.until = localBound(when.until, m.cal);
  return keep(memo, SLOT.dates, reason('dates', ok, ok ? 'within-dates' : 'outside-dates', params));
}
