/**
 * The sync engine's view of IndexedDB: verified items and calendar files by hash, committed
 * manifests, the sync state and a small log. Every call takes an AbortSignal that aborts its
 * transaction. The engine gets this object as a parameter (tests may wrap it to inject faults).
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type {
  CalendarRecord, FeedState, ItemRecord, LogEntry, ManifestRecord, ScienceWindowDB, SyncState,
} from './db-schema.ts';
import type { StoreDb } from './open-store.ts';

/** The newest log lines kept. */
export const LOG_LIMIT = 200;

/** The active set as stored: the manifest record, its items in manifest order, its calendar. */
export interface ActiveRecords {
  record: ManifestRecord;
  items: ItemRecord[];
  calendar: CalendarRecord;
}

export interface ContentStore {
  state(signal?: AbortSignal): Promise<FeedState>;
  saveState(patch: Partial<FeedState>, signal?: AbortSignal): Promise<void>;
  manifest(version: string, signal?: AbortSignal): Promise<ManifestRecord | undefined>;
  /** Hashes of every stored item (verified when stored). */
  itemHashes(signal?: AbortSignal): Promise<Set<string>>;
  hasCalendar(hash: string, signal?: AbortSignal): Promise<boolean>;
  putItem(record: ItemRecord, signal?: AbortSignal): Promise<void>;
  putCalendar(record: CalendarRecord, signal?: AbortSignal): Promise<void>;
  /**
   * Makes `record` the active set in ONE transaction if every item (but the skipped) and the
   * calendar it names are stored; the old active set becomes the previous one. Returns what is
   * missing (nothing committed then), or [] when committed.
   */
  commit(record: ManifestRecord, etag: string | undefined, signal?: AbortSignal): Promise<string[]>;
  /** Deletes manifests, items and calendars that neither the active nor the previous set of the
   * root or of any feed uses; returns the URLs (relative to this store's content folder) of the
   * assets and pages this store's two sets use. */
  collect(signal?: AbortSignal): Promise<Set<string>>;
  /** The active set, or undefined before the first commit. */
  activeSet(signal?: AbortSignal): Promise<ActiveRecords | undefined>;
  log(entry: LogEntry, signal?: AbortSignal): Promise<void>;
  /** Every delegated feed's state, by id (read from any store of the database). */
  feedStates(signal?: AbortSignal): Promise<Record<string, FeedState>>;
  /** Forgets a feed (no longer delegated): its sets are collected by the next collect(). */
  dropFeed(id: string, signal?: AbortSignal): Promise<void>;
}

type Names = StoreNames<ScienceWindowDB>;

/** Aborts the transaction when the signal fires. */
function bind<M extends IDBTransactionMode>(
  tx: IDBPTransaction<ScienceWindowDB, Names[], M>,
  signal: AbortSignal | undefined,
): IDBPTransaction<ScienceWindowDB, Names[], M> {
  if (!signal) return tx;
  const abort = () => tx.abort();
  signal.addEventListener('abort', abort, { once: true });
  tx.done.then(() => signal.removeEventListener('abort', abort), () => signal.removeEventListener('abort', abort));
  return tx;
}

const NO_STATE: SyncState = { failures: 0 };

/**
 * The store of the root's content (`feed` undefined: state in 'state', key 'sync') or of one
 * delegated feed (state in 'feeds', keyed by its id). Manifests, items and calendars are shared.
 */
export function createContentStore(db: StoreDb, feed?: string): ContentStore {
  type AnyTx = IDBPTransaction<ScienceWindowDB, Names[], IDBTransactionMode>;
  const STATE: Names = feed === undefined ? 'state' : 'feeds';
  const getState = async (t: AnyTx): Promise<FeedState> => (feed === undefined
    ? await t.objectStore('state').get('sync')
    : await t.objectStore('feeds').get(feed)) ?? NO_STATE;
  const putState = (t: IDBPTransaction<ScienceWindowDB, Names[], 'readwrite'>, value: FeedState) => (feed === undefined
    ? t.objectStore('state').put(value, 'sync')
    : t.objectStore('feeds').put(value, feed));

  const tx = <M extends IDBTransactionMode>(names: Names[], mode: M, signal?: AbortSignal) => {
    signal?.throwIfAborted();
    return bind(db.transaction(names, mode), signal);
  };

  /** One request: the signal is checked before it starts (a single request is atomic). */
  const one = <T>(signal: AbortSignal | undefined, op: () => Promise<T>): Promise<T> => {
    signal?.throwIfAborted();
    return op();
  };

  return {
    async state(signal) {
      return (await one(signal, () => (feed === undefined ? db.get('state', 'sync') : db.get('feeds', feed)))) ?? NO_STATE;
    },
    async saveState(patch, signal) {
      const t = tx([STATE], 'readwrite', signal);
      await putState(t, { ...(await getState(t)), ...patch });
      await t.done;
    },
    manifest: (version, signal) => one(signal, () => db.get('manifests', version)),
    itemHashes: async (signal) => new Set(await one(signal, () => db.getAllKeys('items'))),
    hasCalendar: async (hash, signal) => (await one(signal, () => db.getKey('calendars', hash))) !== undefined,
    putItem: async (record, signal) => void (await one(signal, () => db.put('items', record))),
    putCalendar: async (record, signal) => void (await one(signal, () => db.put('calendars', record))),
    async commit(record, etag, signal) {
      const t = tx(['manifests', 'items', 'calendars', STATE], 'readwrite', signal);
      const have = new Set(await t.objectStore('items').getAllKeys());
      const skipped = new Set(record.skipped.map((s) => s.hash));
      const missing = record.manifest.items.filter((e) => !skipped.has(e.hash) && !have.has(e.hash)).map((e) => e.url);
      const cal = record.manifest.calendar;
      if ((await t.objectStore('calendars').getKey(cal.hash)) === undefined) missing.push(cal.url);
      if (missing.length > 0) {
        t.abort();
        await t.done.catch(() => undefined);
        return missing;
      }
      const state = await getState(t);
      const previousVersion = state.activeVersion === record.version ? state.previousVersion : state.activeVersion;
      await t.objectStore('manifests').put(record);
      await putState(t, {
        ...state, activeVersion: record.version, previousVersion, etag, lastSync: record.committed,
        lastAttempt: record.committed, lastError: undefined, failures: 0,
      });
      await t.done;
      return [];
    },
    async collect(signal) {
      const t = tx(['manifests', 'items', 'calendars', 'state', 'feeds'], 'readwrite', signal);
      const own = await getState(t);
      const states = [(await t.objectStore('state').get('sync')) ?? NO_STATE, ...(await t.objectStore('feeds').getAll())];
      const versions = (s: SyncState) => [s.activeVersion, s.previousVersion].filter((v) => v !== undefined);
      const keep = new Set(states.flatMap(versions));
      const mine = new Set(versions(own));
      const items = new Set<string>();
      const calendars = new Set<string>();
      const assets = new Set<string>();
      for (const record of await t.objectStore('manifests').getAll()) {
        if (!keep.has(record.version)) {
          await t.objectStore('manifests').delete(record.version);
          continue;
        }
        record.manifest.items.forEach((e) => items.add(e.hash));
        calendars.add(record.manifest.calendar.hash);
        if (!mine.has(record.version)) continue;
        record.manifest.assets.forEach((e) => assets.add(e.url));
        // A set committed by an app before format 2 has no pages.
        (record.manifest.pages ?? []).forEach((e) => assets.add(e.url));
      }
      for (const hash of await t.objectStore('items').getAllKeys()) {
        if (!items.has(hash)) await t.objectStore('items').delete(hash);
      }
      for (const hash of await t.objectStore('calendars').getAllKeys()) {
        if (!calendars.has(hash)) await t.objectStore('calendars').delete(hash);
      }
      await t.done;
      return assets;
    },
    async activeSet(signal) {
      const t = tx([STATE, 'manifests', 'items', 'calendars'], 'readonly', signal);
      const version = (await getState(t)).activeVersion;
      const record = version === undefined ? undefined : await t.objectStore('manifests').get(version);
      if (!record) return undefined;
      const skipped = new Set(record.skipped.map((s) => s.hash));
      const entries = record.manifest.items.filter((e) => !skipped.has(e.hash));
      const items = await Promise.all(entries.map((e) => t.objectStore('items').get(e.hash)));
      const calendar = await t.objectStore('calendars').get(record.manifest.calendar.hash);
      const complete = items.filter((i) => i !== undefined);
      if (!calendar || complete.length !== items.length) return undefined;
      return { record, items: complete, calendar };
    },
    async log(entry, signal) {
      const t = tx(['log'], 'readwrite', signal);
      const log = t.objectStore('log');
      await log.add(entry);
      let extra = (await log.count()) - LOG_LIMIT;
      for (let c = await log.openCursor(); c && extra > 0; c = await c.continue(), extra--) await c.delete();
      await t.done;
    },
    async feedStates(signal) {
      const t = tx(['feeds'], 'readonly', signal);
      const store = t.objectStore('feeds');
      const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
      await t.done;
      return Object.fromEntries(keys.map((k, i) => [k, values[i]!]));
    },
    async dropFeed(id, signal) {
      await one(signal, () => db.delete('feeds', id));
    },
  };
}
