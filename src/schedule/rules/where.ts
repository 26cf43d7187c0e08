/**
 * The place rule: `where` against the screen's place path and tags, decided once per screen
 * object and kept in the item's rule memo (./rule-memo.ts).
 */
import type { FeedDelegation, Screen } from '../../content/schema.ts';
import { feedOfId, feedRefusal } from '../../content/scope.ts';
import type { Prepared } from '../prepared.ts';
import { keep, SLOT, type RuleMemo } from '../rule-memo.ts';
import { reason, type Reason } from '../reason.ts';

/**
 * `where`: a listed place segment anywhere on the screen's place path (a street reaches every
 * community under it), or a listed "tag:x" among the screen's tags. Absent: every screen.
 * Failing, params.where is the item's list (place keys and "tag:x"). A delegated feed's item
 * ("<feed>:<id>") also needs the screen inside its feed's scope ('feed-elsewhere' otherwise).
 */
export function whereRule(p: Prepared, memo: RuleMemo, screen: Screen, feeds?: readonly FeedDelegation[]): Reason | undefined {
  const where = p.item.where;
  const feed = feedOfId(p.item.id);
  if (feed === undefined && (!where || where.length === 0)) return undefined;
  // The answer depends on the screen alone: the same screen object, the same reason.
  if (memo.whereScreen === screen) return memo.reasons[SLOT.where];
  // A delegated feed's item reaches only the screens of its scope, whatever it names, and on a
  // screen that names its feeds, only if named.
  const refusal = feed === undefined ? undefined : feedRefusal(screen, feeds?.find((d) => d.id === feed));
  if (refusal) {
    memo.whereScreen = screen;
    const prev = memo.reasons[SLOT.where];
    if (prev?.code === refusal) return prev;
    return keep(memo, SLOT.where, reason('where', false, refusal, { feed: feed! }));
  }
  if (!where || where.length === 0) {
    memo.whereScreen = screen;
    return keep(memo, SLOT.where, reason('where', true, 'feed-scope', { feed: feed! }));
  }
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
