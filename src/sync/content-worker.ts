/**
 * The content side of the service worker: it answers the page's WorkerRequests with the sync
 * engine and the store. Why the worker and not the page: one engine for every tab of the
 * origin, sync work off the page's main thread (a weak box keeps its crossfades smooth while
 * a thousand items are hashed and checked), and the page ships no engine, no store writer and
 * no schema validator.
 *
 * The worker may be stopped whenever it is idle; everything here is opened again on the next
 * request. Runs are merged (a request during a run gets that run's result) and hold an
 * origin-wide Web Lock, so an old and a new worker during an app update never run at once.
 *
 * @example const content = createContentWorker({ base, fetch, caches, crypto: crypto.subtle, ... });
 *          self.addEventListener('message', (e) => e.waitUntil(content.sync().then((r) => e.ports[0]?.postMessage(r))));
 */
import { createAssetCache } from './store/asset-cache.ts';
import { createPartCache } from './store/part-cache.ts';
import type { Estimate } from './room.ts';
import { type ContentStore, createContentStore } from './store/content-store.ts';
import type { StoreDb } from './store/open-store.ts';
import type { Manifest } from '../content/manifest.ts';
import type { ContentSet } from '../frame/content-set.ts';
import { type MergedSet, mergeFeeds } from '../frame/merge-feeds.ts';
import { createFeedSync, type FeedSync } from './feed-sync.ts';
import { readContentSet } from './read-content-set.ts';
import type { FetchLike } from './fetch-bytes.ts';
import { createSyncEngine, type SyncEngine } from './sync-engine.ts';
import { noted, played, wantedFeed } from './played-screens.ts';
import { RUN_BUDGET_MS, rootShare, within } from './run-budget.ts';
import { toSyncError } from './sync-error.ts';
import type { Timers } from './timers.ts';
import { type StateReply, type SyncReply, toReply } from './worker-protocol.ts';

export interface ContentWorkerDeps {
  /** The content folder, e.g. new URL('content/', registration.scope). */
  base: URL;
  fetch: FetchLike;
  openDb: () => Promise<StoreDb>;
  caches: CacheStorage;
  crypto: SubtleCrypto;
  timers: Timers;
  publicKeys?: readonly JsonWebKey[];
  timeoutMs?: number;
  locks?: LockManager;
  /** Free space (default: navigator.storage.estimate, where there is one). */
  estimate?: Estimate;
  /** The time one run of the root and its feeds may take (default RUN_BUDGET_MS, ./run-budget.ts). */
  runBudgetMs?: number;
  /** After each commit: tell the pages (they read the new set at their next slide boundary). */
  onCommit?: (version: string) => void;
}

export interface ContentWorker {
  /** One sync run; a request during a run gets that run's result. Never rejects. */
  sync(): Promise<SyncReply>;
  /** The committed set (undefined before the first commit), kept in memory while it is active. */
  active(): Promise<ContentSet | undefined>;
  state(): Promise<StateReply>;
  /** A page asked for `screen`'s frames: this box plays it (its feeds are the ones synced). */
  plays(screen: string): Promise<void>;
}

/** The root's active (or previous) manifest, read alone (not its items); undefined when none or unreadable. */
async function rootManifest(store: ContentStore, which: 'activeVersion' | 'previousVersion' = 'activeVersion'): Promise<Manifest | undefined> {
  try {
    const version = (await store.state())[which];
    return version ? (await store.manifest(version))?.manifest : undefined;
  } catch {
    return undefined;
  }
}

function storageEstimate(): Estimate | undefined {
  const storage = globalThis.navigator?.storage;
  return storage?.estimate ? () => storage.estimate() : undefined;
}

export function createContentWorker(d: ContentWorkerDeps): ContentWorker {
  let opened: Promise<{ store: ReturnType<typeof createContentStore>; engine: SyncEngine; feeds: FeedSync }> | undefined;
  let running: Promise<SyncReply> | undefined;
  let held: ContentSet | undefined;
  let heldKey = '';
  /** The root's set alone, read again only when its version moves. */
  let rootHeld: ContentSet | undefined;

  const open = () => (opened ??= d.openDb().then((db) => {
    // The page of a newer app may upgrade the database: let it, and open again next time.
    db.addEventListener('versionchange', () => { db.close(); opened = undefined; });
    const store = createContentStore(db);
    const assets = createAssetCache(d.caches);
    const parts = createPartCache(d.caches);
    const estimate = d.estimate ?? storageEstimate();
    const engine = createSyncEngine({
      base: d.base, fetch: d.fetch, store, assets, parts, estimate, crypto: d.crypto,
      timers: d.timers, publicKeys: d.publicKeys, timeoutMs: d.timeoutMs,
      onCommit: (version) => d.onCommit?.(version),
    });
    const feeds = createFeedSync({
      base: d.base, db, fetch: d.fetch, assets, parts, estimate, crypto: d.crypto, timers: d.timers, timeoutMs: d.timeoutMs,
      onCommit: (version) => d.onCommit?.(version),
    });
    return { store, engine, feeds };
  }, (e: unknown) => {
    opened = undefined;
    throw e;
  }));

  async function sync(): Promise<SyncReply> {
    const at = d.timers.now();
    try {
      const { engine, feeds, store } = await open();
      // The root first (it names the feeds and their keys), then each feed on its own.
      const run = async (): Promise<SyncReply> => {
        const signal = new AbortController().signal;
        const budget = d.runBudgetMs ?? RUN_BUDGET_MS;
        const until = d.timers.now() + budget;
        const wantedBy = async (m: Manifest) => wantedFeed(m.screens, played((await store.state()).screens, d.timers.now()));
        const before = await rootManifest(store);
        const known = before ? (before.settings.feeds ?? []).filter(await wantedBy(before)) : [];
        const limit = within(d.timers, rootShare(budget, known.length), signal, 'the root');
        const root = toReply(await engine.sync(limit.signal).finally(limit.done));
        const active = await rootManifest(store);
        // No root set to read (none yet, or the store failing): the feeds keep what they have.
        if (!active) return { ...root, feeds: [] };
        const delegations = active.settings.feeds ?? [];
        const replies = await feeds.sync(delegations, signal, until, await wantedBy(active));
        // The files of a feed the previous root set delegated stay until that set is gone too
        // (the glass may still show them until its next slide).
        const previous = (await rootManifest(store, 'previousVersion'))?.settings.feeds ?? [];
        await feeds.sweep([...delegations, ...previous], signal).catch(() => undefined);
        return { ...root, feeds: replies };
      };
      return await (d.locks ? d.locks.request('science-window-sync', run) : run());
    } catch (e) {
      // The store would not open (quota, a blocked upgrade): the run failed before it began.
      const error = toSyncError(e);
      return { ok: false, error: { code: error.code, detail: error.detail }, activeVersion: undefined, at };
    }
  }

  return {
    sync: () => (running ??= sync().finally(() => (running = undefined))),
    async plays(screen) {
      const { store } = await open();
      const screens = noted((await store.state()).screens, screen, d.timers.now());
      if (screens) await store.saveState({ screens });
    },
    active,
    async state() {
      const { store, feeds } = await open();
      // What this screen refuses (items of a feed outside its scope), for the status and the preview.
      const refused = ((await active().catch(() => undefined)) as MergedSet | undefined)?.refused ?? [];
      return { ...(await store.state()), feeds: await feeds.states(), refused };
    },
  };

  /** The root's set merged with each trusted feed's, kept while none of their versions moves. */
  async function active(): Promise<ContentSet | undefined> {
    const { store, feeds } = await open();
    const version = (await store.state()).activeVersion;
    if (version !== rootHeld?.manifest.version) rootHeld = await readContentSet(store, d.base);
    if (!rootHeld) return (held = undefined);
    const inputs = await feeds.sets(rootHeld.manifest.settings.feeds ?? []);
    const key = [rootHeld.manifest.version, ...inputs.map((f) => `${f.id}=${f.set?.manifest.version ?? ''}`)].join('+');
    if (key !== heldKey || !held) [held, heldKey] = [mergeFeeds(rootHeld, inputs), key];
    return held;
  }
}
