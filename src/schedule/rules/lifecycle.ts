/**
 * The rules of an item's life: `status` (drafts), `event` (a lead time before it starts, gone
 * after it ends) and `expires`. Reasons are handed back from the rule memo (./rule-memo.ts)
 * while they say the same.
 */
import { dayNumber } from '../time-strings.ts';
import { DEFAULT_EVENT_LEAD_DAYS, type ScheduleContext } from '../context.ts';
import { localBound } from '../local-bound.ts';
import type { Moment } from '../moment.ts';
import { beforeEnd, type Prepared } from '../prepared.ts';
import { keep, SLOT, type RuleMemo } from '../rule-memo.ts';
import { reason, type Reason, type ReasonCode } from '../reason.ts';

const DRAFT = Object.freeze(reason('status', false, 'draft'));
const DRAFT_PREVIEW = Object.freeze(reason('status', true, 'draft'));

/** `status`: a draft is never on a screen (in preview it passes, still marked as a draft). */
export function statusRule(p: Prepared, ctx: ScheduleContext): Reason | undefined {
  return p.item.status === 'draft' ? (ctx.preview === true ? DRAFT_PREVIEW : DRAFT) : undefined;
}

/**
 * `event`: shown from `lead` local days before the local day it starts (item.event.lead, else
 * settings.eventLeadDays, else the site default DEFAULT_EVENT_LEAD_DAYS) until it ends, then
 * gone. `days` counts local calendar days from the instant's local date to the start's.
 */
export function eventRule(p: Prepared, memo: RuleMemo, m: Moment, ctx: ScheduleContext): Reason | undefined {
  const ev = p.event;
  const info = p.item.event;
  if (!ev || !info) return undefined;
  let code: ReasonCode;
  let days = 0;
  const lead = info.lead ?? ctx.settings?.eventLeadDays ?? DEFAULT_EVENT_LEAD_DAYS;
  if (m.instant >= ev.ends) code = 'event-ended';
  else if (m.instant >= ev.starts) code = 'event-running';
  else {
    memo.startsDay ??= dayNumber(m.cal.localDate(ev.starts));
    days = memo.startsDay - m.day;
    code = days > lead ? 'event-too-early' : days <= 0 ? 'event-today' : 'event-upcoming';
  }
  const prev = memo.reasons[SLOT.event];
  if (prev !== undefined && prev.code === code && (prev.params.days ?? 0) === days && (prev.params.lead ?? lead) === lead) return prev;
  const at = { starts: localBound(info.starts, m.cal), ends: localBound(info.ends, m.cal) };
  const ok = code !== 'event-ended' && code !== 'event-too-early';
  const params = code === 'event-too-early' ? { ...at, days, lead } : code === 'event-upcoming' ? { ...at, days } : at;
  return keep(memo, SLOT.event, reason('event', ok, code, params));
}

/** `expires`: gone after it (a day: after the end of that local day). */
export function expiresRule(p: Prepared, memo: RuleMemo, m: Moment): Reason | undefined {
  const exp = p.expires;
  const raw = p.item.expires;
  if (exp === undefined || raw === undefined) return undefined;
  const ok = beforeEnd(exp, m.instant, m.today);
  const prev = memo.reasons[SLOT.expires];
  if (prev !== undefined && prev.ok === ok) return prev;
  return keep(memo, SLOT.expires, reason('expires', ok, ok ? 'not-expired' : 'expired', { at: localBound(raw, m.cal) }));
}
