/**
 * The one upgrade() of the screen's database: migration k takes a version k database to k+1.
 * To change the schema, append a migration, bump DB_VERSION in ./db-schema.ts, update the types
 * there, and add a row to test/unit/store-upgrade.test.ts. Never edit a shipped migration:
 * screens in the field may be several versions behind.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ScienceWindowDB } from './db-schema.ts';

type Db = IDBPDatabase<ScienceWindowDB>;
type Tx = IDBPTransaction<ScienceWindowDB, StoreNames<ScienceWindowDB>[], 'versionchange'>;

export const MIGRATIONS: readonly ((db: Db, tx: Tx) => void)[] = [
  // v1: manifests, verified items and calendar files by hash, sync state, a small log.
  (db) => {
    db.createObjectStore('manifests', { keyPath: 'version' });
    db.createObjectStore('items', { keyPath: 'hash' });
    db.createObjectStore('calendars', { keyPath: 'hash' });
    db.createObjectStore('state');
    db.createObjectStore('log', { autoIncrement: true });
  },
  // v2: items by id, for the preview ("why is item Y not showing?"). Built from existing records.
  (_db, tx) => {
    tx.objectStore('items').createIndex('by-id', 'item.id');
  },
  // v3: proof of play (records waiting for the fleet server) and the reporter's state.
  (db) => {
    db.createObjectStore('records', { autoIncrement: true }).createIndex('by-id', 'id', { unique: true });
    db.createObjectStore('fleet');
  },
  // v4: delegated feeds' sync state, by feed id (issue 12). Manifests, items and calendars of
  // every feed share the existing stores (keyed by version and by hash).
  (db) => {
    db.createObjectStore('feeds');
  },
  // v5: records by screen id. A box moved to another screen id keeps the records of the old one
  // (its token cannot send them) and uploads only the current id's. Built from existing records.
  (_db, tx) => {
    tx.objectStore('records').createIndex('by-screen', 'screen');
  },
];

/** Runs the migrations from oldVersion up to newVersion inside the versionchange transaction. */
export function upgrade(db: Db, oldVersion: number, newVersion: number | null, tx: Tx): void {
  const target = newVersion ?? MIGRATIONS.length;
  // A database created empty by someone else (a bare indexedDB.open() from the console or a
  // test reading before the worker made it) has a version but no stores: build it from scratch.
  const from = db.objectStoreNames.length === 0 ? 0 : oldVersion;
  for (let v = from; v < target; v++) MIGRATIONS[v]?.(db, tx);
}
