/**
 * The page's side of sync: the service worker owns the content (src/sync/content-worker.ts); the page
 * decides when a run happens (the scheduler: interval, back-off, jitter, the `online` event;
 * a worker is stopped when idle and keeps no timers) and shows the status.
 *
 * @example
 *   const sync = await startSync({ ask: askWorker, intervalMs: () => 60_000 });
 *   sync.status.subscribe((s) => s.activeVersion !== shown && reload());
 */
import { createSyncScheduler, type SyncScheduler } from './sync-scheduler.ts';
import type { StatusStore } from './sync-status.ts';
import type { Timers } from '../frame/clock.ts';
import { browserTimers } from '../sync/timers.ts';
import { fromReply, type SyncReply, type SyncState, type WorkerRequest } from '../sync/worker-protocol.ts';

export interface StartSyncOptions {
  /** Sends a request to the service worker and resolves with its answer (rejects on timeout). */
  ask: (request: WorkerRequest, signal?: AbortSignal) => Promise<unknown>;
  /** Time between runs after a success (settings.syncInterval), read each time. */
  intervalMs: () => number;
  /** Back online, the first run comes within this many ms, at random (default 30 s). */
  onlineJitterMs?: number;
  timers?: Timers;
  random?: () => number;
}

export interface StartedSync {
  status: StatusStore;
  scheduler: SyncScheduler;
  /** Removes the listener and stops the timer. */
  stop(): void;
}

export async function startSync(o: StartSyncOptions): Promise<StartedSync> {
  // Ask the browser not to evict the content under storage pressure (granted or not: go on).
  // Only a page can ask: StorageManager.persist() does not exist in workers.
  void navigator.storage?.persist?.().catch(() => false);
  const saved = await (o.ask({ type: 'state' }) as Promise<SyncState>).catch((): Partial<SyncState> => ({}));
  const scheduler = createSyncScheduler({
    run: async (signal) => fromReply(await (o.ask({ type: 'sync' }, signal) as Promise<SyncReply>)),
    timers: o.timers ?? browserTimers,
    random: o.random ?? Math.random,
    intervalMs: o.intervalMs,
    initial: {
      activeVersion: saved.activeVersion, lastSync: saved.lastSync, lastAttempt: saved.lastAttempt,
      lastError: saved.lastError, failures: saved.failures ?? 0,
    },
  });
  // Screens behind one router come back online together: spread their first runs over 30 s.
  const online = () => scheduler.soon(o.onlineJitterMs ?? 30_000);
  addEventListener('online', online);
  scheduler.start();
  return {
    status: scheduler.status,
    scheduler,
    stop() {
      removeEventListener('online', online);
      scheduler.stop();
    },
  };
}
