/**
 * Opens (creating or upgrading) the screen's database.
 * @example const db = await openStore();
 */
import { type IDBPDatabase, openDB } from 'idb';
import { DB_NAME, DB_VERSION, type ScienceWindowDB } from './db-schema.ts';
import { upgrade } from './upgrade.ts';

export type StoreDb = IDBPDatabase<ScienceWindowDB>;

export interface OpenStoreOptions {
  name?: string;
  /** Only tests open an older version, to exercise the upgrade path. */
  version?: number;
}

export async function openStore(options: OpenStoreOptions = {}): Promise<StoreDb> {
  const db: StoreDb = await openDB<ScienceWindowDB>(options.name ?? DB_NAME, options.version ?? DB_VERSION, {
    upgrade,
    // A newer app in another tab wants to upgrade: let it. This page reloads with the new app.
    blocking: () => db.close(),
  });
  return db;
}
