/**
 * The place rule: `where` against the screen's place path and tags, decided once per screen
 * object and kept in the item's rule memo (./rule-memo.ts).
 */
import type { Screen } from '../../content/schema.ts';
import type { Prepared } from '../prepared.ts';
import { keep, SLOT, type RuleMemo } from '../rule-memo.ts';
import { reason, type Reason } from '../reason.ts';

/**
 * `where`: a listed place segment anywhere on the screen's place path (a street reaches every
 * community under it), or a listed "tag:x" among the screen's tags. Absent: every screen.
 * Failing, params.where is the item's list (place keys and "tag:x").
 */
export function whereRule(p: Prepared, memo: RuleMemo, screen: Screen): Reason | undefined {
  const where = p.item.where;
  if (!where || where.length === 0) return undefined;
  // The answer depends on the screen alone: the same screen object, the same reason.
  if (memo.whereScreen === screen) return memo.reasons[SLOT.where];
  let place: string | undefined;
  let tag: string | undefined;
  for (const w of p.places) {
    if (screen.place.includes(w)) {
      place = w;
      break;
    }
  }
  if (place === undefined && screen.tags) {
    for (const t of p.tags) {
      if (screen.tags.includes(t)) {
        tag = t;
        break;
      }
    }
  }
  const ok = place !== undefined || tag !== undefined;
  memo.whereScreen = screen;
  const prev = memo.reasons[SLOT.where];
  if (prev !== undefined && prev.ok === ok && prev.params.place === place && prev.params.tag === tag) return prev;
  const r = place !== undefined ? reason('where', true, 'where-place', { place })
    : tag !== undefined ? reason('where', true, 'where-tag', { tag })
    : reason('where', false, 'where-elsewhere', { where });
  return keep(memo, SLOT.where, r);
}
