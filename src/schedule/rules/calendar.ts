/**
 * The calendar rules: `when.seasons`, and the triggers `when.solarTerms`, `when.festivals` and
 * `when.observances` (widened by `around`). Each reads the calendar facts of the moment and
 * hands back its last reason (./rule-memo.ts) while it says the same.
 */
import { markersAround, termsAround } from '../calendar-window.ts';
import type { Moment } from '../moment.ts';
import type { Prepared } from '../prepared.ts';
import { keep, SLOT, type RuleMemo } from '../rule-memo.ts';
import { reason, type Reason } from '../reason.ts';

/** `when.seasons`: the season at the instant (Chinese seasons start at 立春/立夏/立秋/立冬 by default). */
export function seasonsRule(p: Prepared, memo: RuleMemo, m: Moment): Reason | undefined {
  const seasons = p.item.when?.seasons;
  if (!seasons || seasons.length === 0) return undefined;
  const season = m.facts().season;
  const ok = seasons.includes(season);
  const prev = memo.reasons[SLOT.seasons];
  if (prev !== undefined && prev.ok === ok && prev.params.season === season) return prev;
  return keep(memo, SLOT.seasons, reason('seasons', ok, ok ? 'in-season' : 'out-of-season', { season, seasons }));
}

/**
 * `when.solarTerms` (a trigger): the term in force, from its instant to the next term's,
 * its period widened by `around` (before × 24 h earlier, after × 24 h later).
 */
export function solarTermsRule(p: Prepared, memo: RuleMemo, m: Moment): Reason | undefined {
  const when = p.item.when;
  const terms = when?.solarTerms;
  if (!terms || terms.length === 0) return undefined;
  const before = when?.around?.before ?? 0;
  const after = when?.around?.after ?? 0;
  const current = m.facts().currentTerm;
  let hit: string | undefined;
  let since = current.instant;
  if (before === 0 && after === 0) {
    if (terms.includes(current.key)) hit = current.key;
  } else {
    const inForce = termsAround(m.cal, m.instant, before, after);
    for (const t of terms) {
      const at = inForce.get(t);
      if (at !== undefined) {
        hit = t;
        since = at;
        break;
      }
    }
  }
  const ok = hit !== undefined;
  const term = hit ?? current.key;
  const sinceDay = ok ? m.cal.localDate(since) : undefined;
  const prev = memo.reasons[SLOT.solarTerms];
  if (prev !== undefined && prev.ok === ok && prev.params.term === term && prev.params.since === sinceDay) return prev;
  return keep(memo, SLOT.solarTerms, sinceDay !== undefined
    ? reason('solarTerms', true, 'in-term', { term, since: sinceDay, terms })
    : reason('solarTerms', false, 'not-in-term', { term, terms }));
}

/** `when.festivals` (a trigger): a listed festival on the local day, widened by `around` days. */
export function festivalsRule(p: Prepared, memo: RuleMemo, m: Moment): Reason | undefined {
  return markerRule(p, memo, m, 'festivals');
}

/** `when.observances` (a trigger): a listed observance on the local day, widened by `around` days. */
export function observancesRule(p: Prepared, memo: RuleMemo, m: Moment): Reason | undefined {
  return markerRule(p, memo, m, 'observances');
}

function markerRule(p: Prepared, memo: RuleMemo, m: Moment, rule: 'festivals' | 'observances'): Reason | undefined {
  const when = p.item.when;
  const list = when?.[rule];
  if (!list || list.length === 0) return undefined;
  const before = when?.around?.before ?? 0;
  const after = when?.around?.after ?? 0;
  const near = markersAround(m.cal, m.today, before, after)[rule];
  let hit: string | undefined;
  let date: string | undefined;
  for (const key of list) {
    date = near.get(key);
    if (date !== undefined) {
      hit = key;
      break;
    }
  }
  const one = rule === 'festivals' ? 'festival' : 'observance';
  const slot = SLOT[rule];
  const prev = memo.reasons[slot];
  if (prev !== undefined && prev.ok === (hit !== undefined) && prev.params[one] === hit && prev.params.date === date) return prev;
  return keep(memo, slot, hit !== undefined
    ? reason(rule, true, one, { [one]: hit, date: date ?? m.today })
    : reason(rule, false, rule === 'festivals' ? 'no-festival' : 'no-observance', { [rule]: list, before, after }));
}
