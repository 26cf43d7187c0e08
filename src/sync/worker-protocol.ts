/**
 * The messages between the kiosk page and the service worker, which owns the content: it runs
 * the sync engine and keeps the store (src/sw/sw.ts, ./content-worker.ts). The page asks; the
 * worker answers on the MessagePort that came with the request. Every message is plain data
 * (structured clone): no class instances, no functions.
 */
import type { Refusal } from '../frame/merge-feeds.ts';
import type { FeedReply } from './feed-sync.ts';
import type { FeedState, SkippedItem, SyncState } from './store/db-schema.ts';
import type { SyncResult } from './sync-engine.ts';
import { SyncError, type SyncErrorCode } from './sync-error.ts';

/** The types a page needs to speak to the worker (it imports this file only; see .dependency-cruiser.cjs). */
export type { FeedReply, FeedState, SkippedItem, SyncErrorCode, SyncResult, SyncState };

export type WorkerRequest =
  /** One sync run (merged with a run in progress); answered with a SyncReply. */
  | { type: 'sync' }
  /** A screen's frames (src/frame/frames-for.ts FramesReply, or null before the first commit). */
  | { type: 'frames'; screen: string | undefined; from: number; minutes: number }
  /** What the store remembers of past runs (SyncState). */
  | { type: 'state' };

/**
 * What the glass shows, posted by the kiosk page (no answer) whenever it changes and once a
 * minute: the worker records proof of play from it and reports to the fleet server
 * (src/sync/report/). Instants are the page's clock, so a test's fake clock drives it all.
 */
export interface AirReport {
  type: 'air';
  /** This page load (a uuid): another load taking over without `gone` means the page died. */
  s: string;
  screen: string | undefined;
  /** The screen's fleet token (`?token=`), if it has one. */
  token: string | undefined;
  at: number;
  /** The kiosk's data-state ('on', 'off', 'loading', 'screens'), or 'gone' when the page unloads. */
  state: string | undefined;
  item: string | undefined;
  kind: string | undefined;
  /** The slide's span on air (page instants, ms). */
  since: number;
  until: number;
  /** The content version the frames came from. */
  version: string | undefined;
  w: number;
  h: number;
  /** Seconds since the page loaded, and the errors it saw. */
  up: number;
  err: number;
}

/** SyncResult as plain data: the error as its code and detail; the root's, then each delegated feed's run. */
export type SyncReply = (
  | Extract<SyncResult, { ok: true }>
  | { ok: false; error: { code: SyncErrorCode; detail: string }; activeVersion: string | undefined; at: number }
) & { feeds?: FeedReply[] };

/** The root's sync state, each delegated feed's (by id), and the items this screen refuses for their feed's scope. */
export type StateReply = SyncState & { feeds?: Record<string, FeedState>; refused?: readonly Refusal[] };

/** The answer to a request that failed (the store could not be read). */
export interface WorkerFailure {
  failed: string;
}

/** Posted by the worker to every window after a commit: `{ type: COMMITTED, version }`. */
export const COMMITTED = 'science-window:committed';

export function toReply(r: SyncResult): SyncReply {
  return r.ok ? r : { ...r, error: { code: r.error.code, detail: r.error.detail } };
}

export function fromReply(r: SyncReply): SyncResult {
  return r.ok ? r : { ...r, error: new SyncError(r.error.code, r.error.detail) };
}
