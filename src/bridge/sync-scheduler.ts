/**
 * When the engine runs: at start, whenever asked (the page's `online` event), and then every
 * interval after a success or after a back-off (../sync/backoff.ts) after a failure. Overlapping
 * requests merge: one run at a time, at most one more pending, however often it is asked.
 * Timers come from the injected clock, so tests need no real sleeps.
 */
import { type BackoffOptions, BACKOFF_CAP_MS, backoffDelay } from '../sync/backoff.ts';
import { toSyncError } from '../sync/sync-error.ts';
import { type StatusStore, type SyncStatus, createStatus } from './sync-status.ts';
import type { Timers } from '../frame/clock.ts';
import type { SyncResult } from '../sync/worker-protocol.ts';

export interface SyncSchedulerOptions {
  /** One sync run (SyncEngine.sync). */
  run(signal: AbortSignal): Promise<SyncResult>;
  timers: Timers;
  /** In [0, 1): Math.random on the page. */
  random: () => number;
  /** Time between runs after a success when the run does not report settings.syncInterval, read each time. */
  intervalMs: () => number;
  backoff?: BackoffOptions;
  /** What the store remembers from before (active version, last sync, failures). */
  initial?: Partial<SyncStatus>;
}

export interface SyncScheduler {
  readonly status: StatusStore;
  /** Starts: one run now, then the plan. */
  start(): void;
  /**
   * A run as soon as possible. While one runs, it is merged into at most one pending run.
   * Resolves when the run that covers this request has finished.
   */
  trigger(): Promise<void>;
  /** A run within `maxMs`, at a random point (jitter); an earlier planned run stays. */
  soon(maxMs: number): void;
  /** Cancels the timer and aborts a run in progress. */
  stop(): void;
}

export function createSyncScheduler(o: SyncSchedulerOptions): SyncScheduler {
  const status = createStatus(o.initial);
  let failures = o.initial?.failures ?? 0;
  let stopped = true;
  let ctl = new AbortController();
  let running: Promise<void> | undefined;
  let pending: Promise<void> | undefined;
  let cancelTimer = (): void => undefined;

  const plan = (delay: number) => {
    cancelTimer();
    status.set({ nextAttempt: o.timers.now() + delay });
    cancelTimer = o.timers.after(delay, () => void trigger());
  };

  async function once(): Promise<void> {
    status.set({ state: 'syncing', nextAttempt: undefined });
    const signal = ctl.signal;
    const r = await o.run(signal).catch((e: unknown): SyncResult => (
      { ok: false, error: toSyncError(e, signal), activeVersion: undefined, at: o.timers.now() }));
    if (stopped || (!r.ok && r.error.code === 'aborted')) return;
    if (r.ok) {
      failures = 0;
      status.set({
        state: 'idle', activeVersion: r.activeVersion, lastSync: r.at, lastAttempt: r.at,
        lastError: undefined, failures, skipped: r.skipped,
      });
      // ±10 %: screens that booted together drift apart.
      // The interval the run reports (the content's settings), else the page's guess.
      const every = r.syncInterval !== undefined ? r.syncInterval * 1000 : o.intervalMs();
      plan(Math.round(every * (0.9 + 0.2 * o.random())));
      return;
    }
    failures++;
    const { code, detail } = r.error;
    status.set({
      state: code === 'network' || code === 'timeout' ? 'offline' : 'error',
      activeVersion: r.activeVersion ?? status.get().activeVersion,
      lastAttempt: r.at, lastError: { code, detail }, failures,
    });
    // Storage full: stop trying for a long while (space may come back), jittered as well.
    const cap = o.backoff?.capMs ?? BACKOFF_CAP_MS;
    plan(code === 'quota' ? Math.floor(cap * (0.5 + 0.5 * o.random())) : backoffDelay(failures, o.random, o.backoff));
  }

  function launch(): Promise<void> {
    cancelTimer();
    running = once().finally(() => {
      running = undefined;
    });
    return running;
  }

  function trigger(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (pending) return pending;
    if (running) {
      pending = running.then(() => {
        pending = undefined;
        return stopped ? undefined : launch();
      });
      return pending;
    }
    return launch();
  }

  return {
    status,
    start() {
      if (!stopped) return;
      stopped = false;
      ctl = new AbortController();
      void trigger();
    },
    trigger,
    soon(maxMs) {
      if (stopped || running) return;
      const delay = Math.floor(o.random() * maxMs);
      const planned = status.get().nextAttempt;
      if (planned === undefined || planned > o.timers.now() + delay) plan(delay);
    },
    stop() {
      stopped = true;
      cancelTimer();
      ctl.abort();
      status.set({ nextAttempt: undefined, state: status.get().state === 'syncing' ? 'idle' : status.get().state });
    },
  };
}
