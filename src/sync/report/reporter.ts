/**
 * Proof of play and screen health, in the service worker: every AirReport from the page is
 * recorded (./periods.ts, ./record-log.ts); when the content names a fleet server
 * (settings.fleet) and the page has a token, the reports also drive the heartbeat and the
 * upload (./exchange.ts). A screen without a fleet server, or with it down for a week, plays as
 * before and keeps its records (bounded by the cap and its hourly folding).
 *
 * Reports are recorded one at a time, in order; an exchange runs beside them, one at a time.
 * The worker may be stopped between two reports: everything lives in IndexedDB.
 *
 * @example const reporter = createReporter({ openDb: () => openStore(), fetch, timers, ... });
 *          self.addEventListener('message', (e) => e.waitUntil(reporter.report(e.data)));
 */
import type { Settings } from '../../content/schema.ts';
import { FRESH_FLEET, type FleetState, type ManifestRecord, type SyncState } from '../store/db-schema.ts';
import type { StoreDb } from '../store/open-store.ts';
import type { FetchLike } from '../fetch-bytes.ts';
import type { Timers } from '../timers.ts';
import type { AirReport } from '../worker-protocol.ts';
import { exchange, type Storage } from './exchange.ts';
import { step } from './periods.ts';
import { foldOverCap, RECORD_CAP } from './record-log.ts';

export interface ReporterDeps {
  openDb: () => Promise<StoreDb>;
  fetch: FetchLike;
  timers: Timers;
  uuid: () => string;
  random: () => number;
  /** The committed content's settings (the fleet server's address and the heartbeat); default: read from the store. */
  settings?: () => Promise<Settings | undefined>;
  /** The kiosk's own address: a relative fleet URL is read against it. */
  scope: URL;
  /** The app build (package version and commit). */
  build: string;
  syncState: () => Promise<SyncState>;
  storage: () => Promise<Storage>;
  /** Records kept before the oldest are folded (default RECORD_CAP). */
  cap?: number;
}

/** Records added between two looks at the cap, at most (counting 200,000 records is not free): the store may pass its cap by that many. */
const CAP_CHECK_EVERY = 500;

export interface Reporter {
  /** Records the report, then beats and uploads if due. Never rejects. */
  report(r: AirReport): Promise<void>;
}

/** As src/fleet/protocol.ts ScreenIdSchema (its schemas stay out of the worker's bundle). */
const SCREEN_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function createReporter(d: ReporterDeps): Reporter {
  let opened: Promise<StoreDb> | undefined;
  let recording: Promise<unknown> = Promise.resolve();
  let exchanging: Promise<void> | undefined;
  const hashes = new Map<string, Map<string, string>>();
  /** Records added since the cap was last checked (the first record after a start checks it). */
  let added = CAP_CHECK_EVERY;

  const db = () => (opened ??= d.openDb().then((x) => {
    x.addEventListener('versionchange', () => { x.close(); opened = undefined; });
    return x;
  }, (e: unknown) => {
    opened = undefined;
    throw e;
  }));

  /** Item id → published hash in a content version (from its stored manifest), kept for a few versions. */
  async function hashesOf(manifests: { get(version: string): Promise<ManifestRecord | undefined> }, version: string | null | undefined) {
    if (!version) return new Map<string, string>();
    let m = hashes.get(version);
    if (!m) {
      const rec = await manifests.get(version);
      m = new Map(rec?.manifest.items.map((e) => [e.id, e.hash]));
      if (rec) hashes.set(version, m);
      if (hashes.size > 4) hashes.delete(hashes.keys().next().value!);
    }
    return m;
  }

  async function record(r: AirReport): Promise<void> {
    const screen = r.screen;
    if (!screen || !SCREEN_ID.test(screen)) return;
    const store = await db();
    // Read and write in one transaction: an exchange running beside may write the rest of the state.
    const tx = store.transaction(['fleet', 'records', 'manifests'], 'readwrite');
    const state = await tx.objectStore('fleet').get('fleet');
    // The hashes of the content the period that may close now came from.
    const known = await hashesOf(tx.objectStore('manifests'), state?.open?.version);
    const s = step(state?.open, r, { screen, uuid: d.uuid, hash: (_version, item) => known.get(item) });
    const next: FleetState = { ...FRESH_FLEET, ...state, open: s.open };
    if (!s.open) delete next.open;
    await Promise.all([
      tx.objectStore('fleet').put(next, 'fleet'),
      s.closed && tx.objectStore('records').add(s.closed),
      tx.done,
    ]);
    if (s.closed) added++;
    // Never beside an upload: the oldest records may be in flight (a later report folds).
    const cap = d.cap ?? RECORD_CAP;
    if (added >= Math.min(CAP_CHECK_EVERY, Math.ceil(cap / 10)) && !exchanging) {
      added = 0;
      await foldOverCap(store, cap);
    }
  }

  /** The active content's settings, from its stored manifest. */
  async function storedSettings(): Promise<Settings | undefined> {
    const store = await db();
    const version = (await store.get('state', 'sync'))?.activeVersion;
    return version ? (await store.get('manifests', version))?.manifest.settings : undefined;
  }

  async function talk(r: AirReport): Promise<void> {
    const settings = await (d.settings ?? storedSettings)();
    if (!settings?.fleet || !r.token || !r.screen) return;
    await exchange(await db(), r, settings, {
      fetch: d.fetch, timers: d.timers, random: d.random, build: d.build, scope: d.scope,
      syncState: d.syncState, storage: d.storage,
    });
  }

  return {
    report(r) {
      const recorded = (recording = recording.then(() => record(r)).catch((e: unknown) => {
        console.warn('science-window: a period of the glass was not recorded', e);
      }));
      return recorded.then(() => {
        exchanging ??= talk(r).catch((e: unknown) => console.warn('science-window: no exchange with the fleet server', e))
          .finally(() => (exchanging = undefined));
        return exchanging;
      });
    },
  };
}
