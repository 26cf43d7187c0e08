/**
 * Share of voice: a delegated feed whose delegation says `share: { max }` fills at most that
 * fraction of the final loop's seconds (a slide that comes twice counts twice), and every cap
 * holds at once, strictly: a feed keeps a slide only while its share stays within its cap.
 *
 * - Order. A capped feed's slides give way in a fixed order: first the second showing of its
 *   "high" slides, then its slides themselves, "normal" before "high", the last id first. A slide
 *   that gave way comes back when it fits once a later one has gone, so one long slide (a film,
 *   `duration: 600`) that can never fit does not take the short ones with it. Put the other way
 *   round, the feed is filled first-fit: high before normal, the first id first, second showings
 *   last, each kept only if the feed then stays within its cap.
 * - Strict. No slide is kept by right: a feed whose shortest slide alone is over its cap plays
 *   nothing in that loop (a cap of 0.3 needs 7/3 of a slide's seconds from the others). In a
 *   short loop (the night, few items) a capped feed may so be left out entirely.
 * - Together. A feed's cap is measured against the final loop, the other capped feeds as they
 *   end up: each feed is filled against the others' current seconds, round after round, until no
 *   feed changes. A feed's seconds never rise from one round to the next (fewer seconds from
 *   the others mean less room), so the rounds end, and they end at the same loop whatever the
 *   input order. A loop of fewer than 4 slides plays its "high" slides once (./interleave.ts),
 *   so their second showings stop counting there too.
 * - No one to share with. A loop with no slide from outside the capped feeds (neither the root's
 *   nor an uncapped feed's) is not capped: the capped feeds play in full rather than leave the
 *   glass to the built-in card.
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
  /** Slides that gave way, with their feed and its cap (0–1); each feed's in the order they gave way. */
  dropped: { slide: S; feed: string; max: number }[];
}

/** What a capped feed keeps: its slides, those of them shown twice, and its seconds. */
interface Fill<S> {
  kept: S[];
  again: S[];
  seconds: number;
}

/** Seconds of slack in the comparison, so that 3 × 10 s of 100 s fits a cap of 0.3. */
const SLACK = 1e-6;

/** `twice` is updated in place (a second showing that gives way, or cannot be played, leaves it). */
export function capShares<S extends ShareSlide>(
  slides: readonly S[], twice: Set<S>, feeds: readonly Pick<FeedDelegation, 'id' | 'share'>[] | undefined,
): ShareResult<S> {
  const caps = new Map<string, number>();
  for (const d of feeds ?? []) if (d.share?.max !== undefined && !caps.has(d.id)) caps.set(d.id, d.share.max);
  const sorted = [...slides].sort(byId);
  const free: S[] = [];
  const orders = new Map<string, S[]>();
  for (const s of sorted) {
    const feed = feedOfId(s.id);
    if (feed === undefined || !caps.has(feed)) free.push(s);
    else (orders.get(feed) ?? orders.set(feed, []).get(feed)!).push(s);
  }
  if (orders.size === 0 || free.length === 0) return { kept: [...slides], dropped: [] };
  for (const order of orders.values()) order.sort((a, b) => rank(b) - rank(a) || byId(a, b));
  const doubled = new Set(twice);
  const fills = new Map<string, Fill<S>>();
  for (const [feed, order] of orders) fills.set(feed, { kept: order, again: order.filter((s) => doubled.has(s)), seconds: seconds(order, doubled) });
  for (let changed = true; changed;) {
    changed = false;
    for (const [feed, order] of orders) {
      let others = seconds(free, doubled);
      for (const [f, fill] of fills) if (f !== feed) others += fill.seconds;
      const next = fillFeed(order, doubled, caps.get(feed)!, others);
      const last = fills.get(feed)!;
      if (next.seconds !== last.seconds || !same(next.kept, last.kept) || !same(next.again, last.again)) changed = true;
      fills.set(feed, next);
    }
    let count = free.length;
    let twos = 0;
    for (const s of free) if (doubled.has(s)) twos++;
    for (const fill of fills.values()) {
      count += fill.kept.length;
      twos += fill.again.length;
    }
    if (doubled.size > 0 && count + twos < 4) {
      doubled.clear();
      changed = true;
    }
  }
  const keep = new Set<S>(free);
  const shownTwice = new Set<S>(free.filter((s) => doubled.has(s)));
  const dropped: ShareResult<S>['dropped'] = [];
  for (const [feed, order] of orders) {
    const fill = fills.get(feed)!;
    for (const s of fill.kept) keep.add(s);
    for (const s of fill.again) shownTwice.add(s);
    for (let i = order.length - 1; i >= 0; i--) if (!keep.has(order[i]!)) dropped.push({ slide: order[i]!, feed, max: caps.get(feed)! });
  }
  for (const s of [...twice]) if (!shownTwice.has(s)) twice.delete(s);
  return { kept: slides.filter((s) => keep.has(s)), dropped };
}

/**
 * First-fit of one feed's slides (in keep order) against `others` seconds of the rest of the
 * loop: a slide stays when the feed, with it, is within `max` of the whole. Then the second
 * showings of the kept ones that are shown twice, in the same order.
 */
function fillFeed<S extends ShareSlide>(order: readonly S[], doubled: ReadonlySet<S>, max: number, others: number): Fill<S> {
  let t = 0;
  // t / (others + t) ≤ max, written without a division (others > 0 here).
  const fits = (x: number) => (t + x) * (1 - max) <= max * others + SLACK;
  const kept: S[] = [];
  for (const s of order) {
    if (!fits(s.seconds)) continue;
    kept.push(s);
    t += s.seconds;
  }
  const again: S[] = [];
  for (const s of kept) {
    if (!doubled.has(s) || !fits(s.seconds)) continue;
    again.push(s);
    t += s.seconds;
  }
  return { kept, again, seconds: t };
}

function seconds<S extends ShareSlide>(list: readonly S[], doubled: ReadonlySet<S>): number {
  let n = 0;
  for (const s of list) n += s.seconds * (doubled.has(s) ? 2 : 1);
  return n;
}

function same<S>(a: readonly S[], b: readonly S[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function rank(s: ShareSlide): number {
  return s.item?.priority === 'high' || s.item?.priority === 'emergency' ? 1 : 0;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
