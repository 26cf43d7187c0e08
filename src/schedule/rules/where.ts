import type { Screen } from '../../content/schema.ts';
import { keep, SLOT, type Prepared } from '../prepared.ts';
import { reason, type Reason } from '../reason.ts';

/**
 * `where`: a listed place segment anywhere on the screen's place path (a street reaches every
 * community under it), or a listed "tag:x" among the screen's tags. Absent: every screen.
 * Failing, params.where is the item's list (place keys and "tag:x").
 */
export function whereRule(p: Prepared, screen: Screen): Reason | undefined {
  const where = p.item.where;
  if (!where || where.length === 0) return undefined;
  // The answer depends on the screen alone: the same screen object, the same reason.
  if (p.whereScreen === screen) return p.memo[SLOT.where];
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
  p.whereScreen = screen;
  const prev = p.memo[SLOT.where];
  if (prev !== undefined && prev.ok === ok && prev.params.place === place && prev.params.tag === tag) return prev;
  const r = place !== undefined ? reason('where', true, 'where-place', { place })
    : tag !== undefined ? reason('where', true, 'where-tag', { tag })
    : reason('where', false, 'where-elsewhere', { where });
  return keep(p, SLOT.where, r);
}
