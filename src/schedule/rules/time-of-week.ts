/**
 * The rules of the week and the day: `when.weekdays` and `when.hours`, read in the instant's
 * local time; their last reasons are kept in the item's rule memo (./rule-memo.ts).
 */
import { inTimeRange } from '../time-strings.ts';
import type { Moment } from '../moment.ts';
import type { Prepared } from '../prepared.ts';
import { keep, SLOT, type RuleMemo } from '../rule-memo.ts';
import { reason, type Reason } from '../reason.ts';

/** `when.weekdays`: the local ISO weekday (1 = Monday … 7 = Sunday) of the instant. */
export function weekdaysRule(p: Prepared, memo: RuleMemo, m: Moment): Reason | undefined {
  const days = p.item.when?.weekdays;
  if (!days || days.length === 0) return undefined;
  const weekday = m.weekday;
  const ok = days.includes(weekday);
  const prev = memo.reasons[SLOT.weekdays];
  if (prev !== undefined && prev.ok === ok && prev.params.weekday === weekday) return prev;
  return keep(memo, SLOT.weekdays, reason('weekdays', ok, ok ? 'on-weekday' : 'wrong-weekday', { weekday, weekdays: days }));
}

/**
 * `when.hours`: local "HH:mm" ranges, from inclusive, until exclusive; 22:00–06:00 wraps
 * past midnight. Each rule reads the instant's own local day: weekdays are not shifted.
 */
export function hoursRule(p: Prepared, memo: RuleMemo, m: Moment): Reason | undefined {
  const hours = p.hours;
  if (!hours) return undefined;
  let ok = false;
  for (const [from, until] of hours.minutes) if (inTimeRange(m.minute, from, until)) ok = true;
  const prev = memo.reasons[SLOT.hours];
  // The time is a parameter of the failing reason only ("now 13:05"): a pass stays the same.
  if (prev !== undefined && prev.ok === ok && (ok || prev.params.time === m.time)) return prev;
  return keep(memo, SLOT.hours, ok
    ? reason('hours', true, 'in-hours', { ranges: hours.text })
    : reason('hours', false, 'outside-hours', { time: m.time, ranges: hours.text }));
}
