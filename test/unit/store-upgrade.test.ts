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

const STORES = ['calendars', 'feeds', 'fleet', 'items', 'log', 'manifests', 'records', 'state'];

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
    expect([...db.objectStoreNames].sort()).toEqual(STORES);
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

  it('v5 indexes a version 4 database\'s waiting records by screen id, built from the records there', async () => {
    const v4 = await openStore({ version: 4 });
    const off = (id: string, screen: string) => ({ type: 'off' as const, id, screen, version: null, started: '2026-12-01T00:00:00.000Z', seconds: 60, endedBy: 'next' as const });
    await v4.add('records', off('6f1c2f4e-8b3a-4c1d-9e2f-0a1b2c3d4e5f', 'qingxi-hall'));
    await v4.add('records', off('7f1c2f4e-8b3a-4c1d-9e2f-0a1b2c3d4e5f', 'lvyuan-gate'));
    v4.close();
    const db = await openStore();
    expect((await db.getAllFromIndex('records', 'by-screen', 'lvyuan-gate')).map((r) => r.id)).toEqual(['7f1c2f4e-8b3a-4c1d-9e2f-0a1b2c3d4e5f']);
    expect(await db.countFromIndex('records', 'by-screen', 'qingxi-hall')).toBe(1);
    db.close();
  });

  it.each(Array.from({ length: DB_VERSION }, (_, i) => i + 1))('opens from version %i upwards', async (from) => {
    const old = await openStore({ version: from });
    old.close();
    const db = await openStore();
    expect(shape(db).map((s) => s.name).sort()).toEqual(STORES);
    expect(shape(db).find((s) => s.name === 'records')).toEqual({ name: 'records', keyPath: null, autoIncrement: true, indexes: ['by-id', 'by-screen'] });
    expect(shape(db).find((s) => s.name === 'items')?.indexes).toEqual(['by-id']);
    db.close();
  });

  it('upgrades a version 2 database (the last shipped) to the current version, keeping its content and adding proof of play', async () => {
    const v2 = await openStore({ version: 2 });
    expect([...v2.objectStoreNames].sort()).toEqual(['calendars', 'items', 'log', 'manifests', 'state']);
    await v2.put('items', ITEM);
    await v2.put('state', { activeVersion: 'c'.repeat(64), failures: 0, lastSync: 5 }, 'sync');
    v2.close();

    const db = await openStore();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAllFromIndex('items', 'by-id', 'health/water')).toEqual([ITEM]);
    expect(await db.get('state', 'sync')).toEqual({ activeVersion: 'c'.repeat(64), failures: 0, lastSync: 5 });
    expect(await db.count('records')).toBe(0);
    const play = { type: 'off' as const, id: '6f1c2f4e-8b3a-4c1d-9e2f-0a1b2c3d4e5f', screen: 'lvyuan-gate', version: null, started: '2026-12-01T00:00:00.000Z', seconds: 60, endedBy: 'next' as const };
    const key = await db.add('records', play);
    // Ids are unique: the same record twice is refused, so a record is never stored twice.
    await expect(db.add('records', { ...play })).rejects.toThrow();
    expect(await db.getKeyFromIndex('records', 'by-id', play.id)).toBe(key);
    db.close();
  });
});
