/**
 * Share of voice: a delegated feed whose delegation says `share: { max }` fills at most that
 * fraction of a loop's seconds (a slide that comes twice counts twice). Over its cap, its slides
 * give way in a fixed order until it fits: first the second showing of its "high" slides, then
 * its slides themselves, "normal" before "high", the last id first. It always keeps one slide,
 * and a feed alone in the loop has no one to share with. Deterministic: the same slides in, the
 * same slides out, whatever their order.
 *
 * @example capShares(slides, twice, [{ id: 'lvyuan', share: { max: 0.3 }, … }]).dropped // the slides that gave way
 */
import type { FeedDelegation } from '../content/schema.ts';
import { feedOfId } from '../content/scope.ts';

interface ShareSlide {
  id: string;
  seconds: number;
  item?: { priority?: string };
}

export interface ShareResult<S> {
  kept: S[];
  /** Slides that gave way, with their feed and its cap (0–1). */
  dropped: { slide: S; feed: string; max: number }[];
}

const total = <S extends ShareSlide>(slides: readonly S[], twice: ReadonlySet<S>) =>
  slides.reduce((n, s) => n + s.seconds * (twice.has(s) ? 2 : 1), 0);

/** `twice` is updated in place (a second showing that gives way leaves it). */
export function capShares<S extends ShareSlide>(
  slides: readonly S[], twice: Set<S>, feeds: readonly Pick<FeedDelegation, 'id' | 'share'>[] | undefined,
): ShareResult<S> {
  let kept = [...slides];
  const dropped: ShareResult<S>['dropped'] = [];
  for (const d of feeds ?? []) {
    const max = d.share?.max;
    if (max === undefined) continue;
    const mine = (s: S) => feedOfId(s.id) === d.id;
    // Those that give way first come last: normal before high, then by id, the last id first.
    const order = kept.filter(mine).sort((a, b) => rank(b) - rank(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const over = () => {
      const all = total(kept, twice);
      const theirs = total(kept.filter(mine), twice);
      return theirs < all && theirs > max * all;
    };
    for (let i = order.length - 1; i >= 0 && over(); i--) twice.delete(order[i]!);
    for (let i = order.length - 1; i >= 1 && over(); i--) {
      const s = order[i]!;
      kept = kept.filter((x) => x !== s);
      dropped.push({ slide: s, feed: d.id, max });
    }
  }
  return { kept, dropped };
}

function rank(s: ShareSlide): number {
  return s.item?.priority === 'high' || s.item?.priority === 'emergency' ? 1 : 0;
}
