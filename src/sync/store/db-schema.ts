/**
 * The screen's IndexedDB: ONE typed schema (idb's DBSchema). Changes go through ./upgrade.ts,
 * which adds a migration and bumps DB_VERSION; never edit an earlier migration.
 *
 * Pictures are not here: they live in Cache Storage (see ./asset-cache.ts).
 */
import type { DBSchema } from 'idb';
import type { CalendarTablesJson } from '../../calendar/tables.ts';
import type { Manifest } from '../../content/manifest.ts';
import type { CompiledItem } from '../../content/schema.ts';
import type { Kind } from '../../content/keys.ts';
import type { FleetRecord } from '../../fleet/protocol.ts';
import type { SyncErrorCode } from '../sync-error.ts';

export const DB_NAME = 'science-window';
/** The current schema version: the number of migrations in ./upgrade.ts. */
export const DB_VERSION = 5;

/** An item the engine refused (bad JSON or schema), kept with the manifest it came with. */
export interface SkippedItem {
  id: string;
  hash: string;
  detail: string;
}

/** A committed manifest. Only the one named by `SyncState.activeVersion` plays. */
export interface ManifestRecord {
  version: string;
  manifest: Manifest;
  /** ms since the epoch when it became active. */
  committed: number;
  /** Items left out of this set because they failed validation. */
  skipped: SkippedItem[];
}

/** A verified item, stored by the sha256 of its published bytes. */
export interface ItemRecord {
  hash: string;
  item: CompiledItem;
}

/** A verified calendar file, stored by its sha256. */
export interface CalendarRecord {
  hash: string;
  tables: CalendarTablesJson;
}

/** The sync engine's memory (one record, key 'sync'). */
export interface SyncState {
  activeVersion?: string;
  /** The set before the active one: kept so slides still on air can finish with their pictures. */
  previousVersion?: string;
  /** The ETag of the active manifest (sent as If-None-Match). */
  etag?: string;
  /** Last time the screen knew it had the newest content (ms). */
  lastSync?: number;
  lastAttempt?: number;
  lastError?: { code: SyncErrorCode; detail: string };
  /** Failed runs in a row. */
  failures: number;
  /** The root's state only: the screens this box played, by id, with when each was last asked for (../played-screens.ts). */
  screens?: Readonly<Record<string, number>>;
}

/**
 * A delegated feed's sync memory (store 'feeds', v4, keyed by the feed's id): as SyncState, plus
 * the thumbprint of the key its active set was verified with. A delegation naming another key
 * (rotated, revoked) makes that set untrusted: it no longer plays and is fetched again.
 */
export interface FeedState extends SyncState {
  key?: string;
}

/** One line of the small sync log (the newest LOG_LIMIT are kept). */
export interface LogEntry {
  at: number;
  event: 'commit' | 'skip' | 'error' | 'gc';
  code?: SyncErrorCode;
  version?: string;
  /** The delegated feed the line is about (absent: the root). */
  feed?: string;
  detail?: string;
}

/** What is on the glass now, not yet a record: closed into one when the glass changes. */
export interface OpenPeriod {
  /** The page load that reported it (another one taking over without a word = a crash). */
  session: string;
  /** The screen id the page reported it under (absent in periods opened before v5). */
  screen?: string;
  type: 'play' | 'card' | 'off';
  item?: string;
  kind?: Kind;
  version: string | null;
  /** Page instants (ms): when it went on air, when it is due to end (slides), last reported. */
  started: number;
  until?: number;
  alive: number;
  /** The page said it was going (a reload): the next page may go on with the very same slide. */
  gone?: true;
}

/** The proof-of-play reporter's memory (one record, key 'fleet'). Instants are the page's. */
export interface FleetState {
  open?: OpenPeriod;
  /** When the next heartbeat and the next upload are due (ms). */
  nextBeat: number;
  nextUpload: number;
  /** Failed uploads or beats in a row (the back-off). */
  failures: number;
  /** Errors since the last beat. */
  errors: { count: number; last?: string };
  /** The page's error count at the last beat, per page load. */
  pageErrors?: { session: string; count: number };
  /** Screen clock minus server clock (ms), from the last answer. */
  clockOffsetMs?: number;
  /** The last exchange with the fleet server. */
  last?: { at: number; ok: boolean; detail?: string };
  /**
   * Keys of records sent in a batch that got no answer (a reset, a timeout, a 5xx): the server
   * may hold them, so they are never folded (a total of them would count them twice). They
   * leave this list when a later answer says what became of them.
   */
  inDoubt?: number[];
}

/** The reporter's state before anything was recorded or sent. */
export const FRESH_FLEET: FleetState = { nextBeat: 0, nextUpload: 0, failures: 0, errors: { count: 0 } };

export interface ScienceWindowDB extends DBSchema {
  manifests: { key: string; value: ManifestRecord };
  /** Index 'by-id' (v2): the preview finds an item's stored versions by its id. */
  items: { key: string; value: ItemRecord; indexes: { 'by-id': string } };
  calendars: { key: string; value: CalendarRecord };
  state: { key: 'sync'; value: SyncState };
  log: { key: number; value: LogEntry };
  /**
   * v3: proof of play waiting for the fleet server, oldest first (deleted once acknowledged).
   * v5: index 'by-screen': a box given another screen id sends only the current id's records.
   */
  records: { key: number; value: FleetRecord; indexes: { 'by-id': string; 'by-screen': string } };
  fleet: { key: 'fleet'; value: FleetState };
  /** v4: each delegated feed's sync memory, by feed id (the root's stays in state 'sync'). */
  feeds: { key: string; value: FeedState };
}
