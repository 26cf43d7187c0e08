/**
 * Migrations on both databases: from empty to the latest, from the previous version with its
 * data kept, twice is a no-op, and two processes migrating at once apply each step once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../tools/fleet/db.ts';
import { appliedVersions, LATEST, migrate, MIGRATIONS } from '../../tools/fleet/migrations.ts';
import { BACKENDS } from './backends.ts';

const tables = async (db: Db) =>
  (await db.query<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")).map((r) => r.t);

async function empty(db: Db) {
  await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
}

describe.each(BACKENDS)('migrations on $name', (backend) => {
  let db: Db;
  beforeAll(async () => {
    if (!backend.skip) db = await backend.open();
  });
  afterAll(async () => db?.close());

  it.skipIf(backend.skip)('build the whole schema from an empty database, and do nothing the second time', async () => {
    await empty(db);
    expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await appliedVersions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await tables(db)).toEqual(['hourly_totals', 'periods', 'plays', 'presence', 'schema_migrations', 'screen_state', 'sessions', 'users']);
    expect(await migrate(db)).toEqual([]);
  });

  it.skipIf(backend.skip)('bring the previous version up to date and keep its data', async () => {
    await empty(db);
    expect(await migrate(db, LATEST - 1)).toEqual(MIGRATIONS.slice(0, -1).map((m) => m.version));
    await db.query(
      `INSERT INTO plays (id, screen, item, kind, item_hash, version, started, seconds, completed, ended_by, received)
       VALUES ('6f1c6a3e-8d44-4c1e-9f59-3f4d2b7e0a11', 's', 'health/x', 'health', $1, NULL, now(), 12, true, 'next', now())`,
      ['a'.repeat(64)],
    );
    expect(await migrate(db)).toEqual([LATEST]);
    expect(await db.query('SELECT screen, item FROM plays')).toEqual([{ screen: 's', item: 'health/x' }]);
    expect(await appliedVersions(db)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it.skipIf(backend.skip)('apply each step once when two servers start together', async () => {
    await empty(db);
    const [a, b] = await Promise.all([migrate(db), migrate(db)]);
    expect([...a, ...b].sort()).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it.skipIf(backend.skip)('roll a failing step back whole', async () => {
    await empty(db);
    const broken = [...MIGRATIONS, { version: LATEST + 1, name: 'broken', sql: 'CREATE TABLE half (x int); SELECT no_such_function();' }];
    await expect(migrate(db, LATEST + 1, broken)).rejects.toThrow();
    expect(await appliedVersions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await tables(db)).not.toContain('half');
  });
});
