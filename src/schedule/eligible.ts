/**
 * Eligibility: the reasons every rule (./rules/*) gives for one item on one screen at one
 * instant, and the verdict they add up to. Each item's rule memo (./rule-memo.ts) lets an
 * unchanged answer come back as the same objects.
 */
import type { CompiledItem, Screen } from '../content/schema.ts';
import type { ScheduleContext } from './context.ts';
import { momentAt, type Moment } from './moment.ts';
import { prepare, type Prepared } from './prepared.ts';
import { reason, TRIGGER_RULES, type Reason } from './reason.ts';
import { forCalendar, ruleMemoOf, type RuleMemo } from './rule-memo.ts';
import { festivalsRule, observancesRule, seasonsRule, solarTermsRule } from './rules/calendar.ts';
import { datesRule } from './rules/dates.ts';
import { eventRule, expiresRule, statusRule } from './rules/lifecycle.ts';
import { hoursRule, weekdaysRule } from './rules/time-of-week.ts';
import { whereRule } from './rules/where.ts';

/** The verdict on one item for one screen at one instant, with a reason per rule that applies. */
export interface Eligibility {
  ok: boolean;
  /** Read-only: reasons are shared with earlier calls while they do not change. */
  reasons: readonly Reason[];
}

/**
 * Whether `item` may be on `screen` at `instant` (ms since the epoch).
 *
 * Rules: status, where, when.from/until, seasons, solarTerms, festivals, observances,
 * weekdays, hours, event, expires. solarTerms, festivals and observances are triggers (any one
 * matching is enough); every other rule that applies must hold. An item with no rule at all
 * gets the reason 'always'.
 *
 * @example eligible(item, screen, Date.parse('2026-10-18T09:00:00+08:00'), { calendar })
 *   // → { ok: true, reasons: [{ rule: 'festivals', ok: true, code: 'festival', params: { festival: 'chongyang', date: '2026-10-18' } }] }
 */
export function eligible(item: CompiledItem, screen: Screen, instant: number, ctx: ScheduleContext): Eligibility {
  const p = prepare(item);
  const reasons = reasonsAt(p, ruleMemoOf(p), screen, momentAt(ctx.calendar, instant), ctx);
  return { ok: verdict(reasons), reasons };
}

/** Reused buffer: `count` reasons of the item being evaluated. */
const scratch: Reason[] = [];
let count = 0;
const ALWAYS: Reason = Object.freeze(reason('always', true, 'always'));
const NO_CALENDAR: Reason = Object.freeze(reason('calendar', false, 'no-calendar'));

function add(r: Reason | undefined): void {
  if (r !== undefined) scratch[count++] = r;
}

/**
 * The reasons of a prepared item at a moment, `memo` being its rule memo (./rule-memo.ts): the
 * same list object as last time when every rule says the same (no closures and few
 * allocations: this runs for every item at every re-plan).
 */
export function reasonsAt(p: Prepared, memo: RuleMemo, screen: Screen, m: Moment, ctx: ScheduleContext): readonly Reason[] {
  forCalendar(memo, m.cal);
  // An item whose rules read the day (and term) only: nothing to evaluate while those hold.
  const key = p.dayOnly ? (p.calendarRules ? m.termDay() : m.day * 32) : undefined;
  if (key !== undefined && memo.last !== undefined && memo.lastKey === key && memo.lastScreen === screen &&
    memo.lastCal === m.cal && memo.lastPreview === ctx.preview) return memo.last;
  memo.lastKey = key;
  memo.lastScreen = screen;
  memo.lastCal = m.cal;
  memo.lastPreview = ctx.preview;
  count = 0;
  add(statusRule(p, ctx));
  add(whereRule(p, memo, screen, ctx.settings?.feeds));
  if (p.item.when) {
    add(datesRule(p, memo, m));
    const before = count;
    try {
      if (p.calendarRules) m.facts();
      add(seasonsRule(p, memo, m));
      add(solarTermsRule(p, memo, m));
      add(festivalsRule(p, memo, m));
      add(observancesRule(p, memo, m));
    } catch {
      // The calendar tables do not cover this instant: the item cannot be placed, the rest can.
      count = before;
      add(NO_CALENDAR);
    }
    add(weekdaysRule(p, memo, m));
    add(hoursRule(p, memo, m));
  }
  add(eventRule(p, memo, m, ctx));
  add(expiresRule(p, memo, m));
  if (count === 0) add(ALWAYS);
  const last = memo.last;
  if (last !== undefined && last.length === count) {
    let same = true;
    for (let i = 0; i < count && same; i++) same = last[i] === scratch[i];
    if (same) return last;
  }
  const list = scratch.slice(0, count);
  memo.last = list;
  return list;
}

/** All non-trigger reasons pass, and (when any trigger is listed) at least one trigger passes. */
export function verdict(reasons: readonly Reason[]): boolean {
  let triggers = 0;
  let triggered = false;
  for (const r of reasons) {
    if (TRIGGER_RULES.has(r.rule)) {
      triggers++;
      if (r.ok) triggered = true;
    } else if (!r.ok) {
      return false;
    }
  }
  return triggers === 0 || triggered;
}
