/**
 * Time limits for one sync run of the root and its feeds. Chromium stops a service worker whose
 * event runs past 5 minutes, and the page gives up on a run after 330 s: a feed that trickles
 * (every file just inside the per-request timeout) or is simply large must not use the run up,
 * or the feeds after it (and the next run of the root, with an emergency in it) would wait
 * behind it. So the run has a budget; the root may use it all but a floor kept for each feed;
 * each feed gets an equal share of what is left when its turn comes (a quick feed leaves its
 * unused time to those after it). A part cut off fails as 'timeout' and goes on at the next run
 * (films resume from their saved parts).
 *
 * @example const limit = within(timers, 60_000, signal); try { await work(limit.signal) } finally { limit.done() }
 */
import type { FeedDelegation } from '../content/schema.ts';
import { SyncError } from './sync-error.ts';
import type { Timers } from './timers.ts';

/** One run of the root and every feed: well inside Chromium's 5 minutes for one event. */
export const RUN_BUDGET_MS = 240_000;
/** Kept for each feed while the root runs. */
export const FEED_FLOOR_MS = 20_000;

/** A signal that aborts with a 'timeout' SyncError after `ms`, or when `parent` aborts. */
export function within(timers: Timers, ms: number, parent: AbortSignal, what = 'the run'): { signal: AbortSignal; done(): void } {
  const ctl = new AbortController();
  const stop = () => ctl.abort(parent.reason);
  parent.addEventListener('abort', stop, { once: true });
  // No limit given (Infinity): no timer (a browser's setTimeout(Infinity) would fire at once).
  const cancel = Number.isFinite(ms)
    ? timers.after(Math.max(0, ms), () => ctl.abort(new SyncError('timeout', `${what} ran past its ${Math.round(ms / 1000)} s`)))
    : () => undefined;
  return {
    signal: ctl.signal,
    done() {
      cancel();
      parent.removeEventListener('abort', stop);
    },
  };
}

/** The root's time: the budget less a floor for each feed (never less than half the budget). */
export function rootShare(budgetMs: number, feeds: number): number {
  return Math.max(budgetMs / 2, budgetMs - feeds * FEED_FLOOR_MS);
}

/** A feed's time when `left` feeds (itself included) share what remains until `until`. */
export function feedShare(now: number, until: number, left: number): number {
  return Math.max(0, (until - now) / Math.max(1, left));
}

/** Feeds that may send emergencies first: their alerts must not wait behind a slow community. */
export function inTurn(delegations: readonly FeedDelegation[]): FeedDelegation[] {
  const urgent = (f: FeedDelegation) => (f.scope.priorities?.includes('emergency') ? 0 : 1);
  return [...delegations].sort((a, b) => urgent(a) - urgent(b));
}
