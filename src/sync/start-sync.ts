/**
 * The edge: wires the pure engine to the page's real fetch, IndexedDB, Cache Storage,
 * WebCrypto, clock and `online` event. The only file of src/sync and src/store that touches
 * browser globals.
 *
 * Needs a secure context (https, or http://localhost): WebCrypto and Cache Storage exist only
 * there. Rejects if storage cannot be opened; the caller then falls back to fetchedSource.
 *
 * @example
 *   const sync = await startSync({ base: new URL('content/', document.baseURI), publicKeys });
 *   app.source = sync.source;  // plays the stored set at once, offline too
 *   mark.status = sync.status;
 */
import { DEFAULT_SETTINGS } from '../content/schema.ts';
import { createAssetCache } from '../store/asset-cache.ts';
import { createContentStore } from '../store/content-store.ts';
import { openStore } from '../store/open-store.ts';
import { createSyncEngine } from './sync-engine.ts';
import { createSyncScheduler, type SyncScheduler } from './sync-scheduler.ts';
import type { StatusStore } from './sync-status.ts';
import { type StoreSource, storeSource } from './store-source.ts';
import { browserTimers } from './timers.ts';

export interface StartSyncOptions {
  /** The content folder, e.g. new URL('content/', document.baseURI). */
  base: URL;
  /** Ed25519 public JWKs the app was built with (0, 1 or 2 while rotating). */
  publicKeys?: readonly JsonWebKey[];
  timeoutMs?: number;
  /** Back online, the first run comes within this many ms, at random (default 30 s). */
  onlineJitterMs?: number;
}

export interface StartedSync {
  source: StoreSource;
  status: StatusStore;
  scheduler: SyncScheduler;
  /** Removes the listener, stops the timer and any run, closes the database. */
  stop(): void;
}

export async function startSync(o: StartSyncOptions): Promise<StartedSync> {
  if (!globalThis.isSecureContext || !('caches' in globalThis) || !globalThis.crypto?.subtle) {
    throw new Error('science-window sync needs a secure context (https or localhost)');
  }
  // Ask the browser not to evict the content under storage pressure (granted or not: go on).
  void navigator.storage?.persist?.().catch(() => false);

  const db = await openStore();
  const store = createContentStore(db);
  const source = storeSource(store, o.base);
  await source.reload();
  const saved = await store.state();

  const engine = createSyncEngine({
    base: o.base,
    fetch: (url, init) => fetch(url, init),
    store,
    assets: createAssetCache(caches),
    crypto: crypto.subtle,
    timers: browserTimers,
    publicKeys: o.publicKeys,
    timeoutMs: o.timeoutMs,
    onCommit: async (_version, signal) => void (await source.reload(signal)),
  });
  const scheduler = createSyncScheduler({
    // One run per origin at a time, even with the preview open in another tab: a run's
    // collection must not delete what another run downloaded but has not committed yet.
    run: async (signal) => {
      const r = await (navigator.locks
        ? navigator.locks.request('science-window-sync', { signal }, () => engine.sync(signal))
        : engine.sync(signal));
      // A display that missed a commit (a failed read) catches up on the next run.
      if (r.ok && r.activeVersion !== source.current()?.manifest.version) await source.reload(signal);
      return r;
    },
    timers: browserTimers,
    random: Math.random,
    intervalMs: () => (source.current()?.manifest.settings.syncInterval ?? DEFAULT_SETTINGS.syncInterval) * 1000,
    initial: {
      activeVersion: saved.activeVersion, lastSync: saved.lastSync, lastAttempt: saved.lastAttempt,
      lastError: saved.lastError, failures: saved.failures,
    },
  });
  // Screens behind one router come back online together: spread their first runs over 30 s.
  const online = () => scheduler.soon(o.onlineJitterMs ?? 30_000);
  addEventListener('online', online);
  scheduler.start();
  return {
    source,
    status: scheduler.status,
    scheduler,
    stop() {
      removeEventListener('online', online);
      scheduler.stop();
      db.close();
    },
  };
}
