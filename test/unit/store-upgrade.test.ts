import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION } from '../../src/sync/store/db-schema.ts';
import { openStore, type StoreDb } from '../../src/sync/store/open-store.ts';
import { MIGRATIONS } from '../../src/sync/store/upgrade.ts';
import { resetIndexedDB } from '../fixtures/sync/harness.ts';

beforeEach(resetIndexedDB);

/** Store names, key paths and indexes: what a schema version looks like. */
function shape(db: StoreDb) {
  const tx = db.transaction([...db.objectStoreNames], 'readonly');
  return [...db.objectStoreNames].map((name) => {
    const s = tx.objectStore(name);
    return { name, keyPath: s.keyPath, autoIncrement: s.autoIncrement, indexes: [...s.indexNames] };
  });
}

const ITEM = { hash: 'a'.repeat(64), item: { id: 'health/water', kind: 'health' as const, title: '多喝水' } };

describe('store schema and upgrade()', () => {
  it('has one migration per version', () => {
    expect(MIGRATIONS).toHaveLength(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('builds the schema over an empty database someone else created (a bare open, version 1)', async () => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(DB_NAME);
      open.onsuccess = () => (open.result.close(), resolve());
      open.onerror = () => reject(open.error);
    });
    const db = await openStore();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['calendars', 'feeds', 'items', 'log', 'manifests', 'state']);
    expect([...db.transaction('items').store.indexNames]).toEqual(['by-id']);
    db.close();
  });

  it('upgrades a version 1 database to the current version, keeping its data', async () => {
    const v1 = await openStore({ version: 1 });
    expect(v1.version).toBe(1);
    expect([...v1.transaction('items').store.indexNames]).toEqual([]);
    await v1.put('items', ITEM);
    await v1.put('state', { activeVersion: 'b'.repeat(64), failures: 2 }, 'sync');
    await v1.add('log', { at: 1, event: 'commit' });
    v1.close();

    const db = await openStore();
    expect(db.version).toBe(DB_VERSION);
    // v2's index is built from the records v1 stored.
    expect(await db.getAllFromIndex('items', 'by-id', 'health/water')).toEqual([ITEM]);
    expect(await db.get('state', 'sync')).toEqual({ activeVersion: 'b'.repeat(64), failures: 2 });
    expect(await db.count('log')).toBe(1);
    const upgraded = shape(db);
    db.close();

    // A fresh install at the current version looks exactly the same.
    globalThis.indexedDB.deleteDatabase(DB_NAME);
    const fresh = await openStore({ name: 'fresh' });
    expect(shape(fresh)).toEqual(upgraded);
    fresh.close();
  });

  it('v4 adds the feeds store to a version 3 database, keeping the root\'s state; feed states are apart', async () => {
    const v3 = await openStore({ version: 3 });
    expect([...v3.objectStoreNames]).not.toContain('feeds');
    await v3.put('state', { activeVersion: 'b'.repeat(64), failures: 0 }, 'sync');
    v3.close();
    const db = await openStore();
    expect([...db.objectStoreNames]).toContain('feeds');
    expect(await db.get('state', 'sync')).toEqual({ activeVersion: 'b'.repeat(64), failures: 0 });
    await db.put('feeds', { activeVersion: 'c'.repeat(64), failures: 1, key: 'kid' }, 'lvyuan');
    expect(await db.get('feeds', 'lvyuan')).toEqual({ activeVersion: 'c'.repeat(64), failures: 1, key: 'kid' });
    expect(await db.get('state', 'sync')).toEqual({ activeVersion: 'b'.repeat(64), failures: 0 });
    db.close();
  });

  it.each(Array.from({ length: DB_VERSION }, (_, i) => i + 1))('opens from version %i upwards', async (from) => {
    const old = await openStore({ version: from });
    old.close();
    const db = await openStore();
    expect(shape(db).map((s) => s.name).sort()).toEqual(['calendars', 'feeds', 'items', 'log', 'manifests', 'state']);
    expect(shape(db).find((s) => s.name === 'items')?.indexes).toEqual(['by-id']);
    db.close();
  });
});
