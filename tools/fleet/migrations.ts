/**
 * The fleet schema, as numbered migrations applied in order, each in its own transaction and
 * recorded in `schema_migrations`. Never edit a migration that has shipped: add the next one.
 * The same SQL runs on PGlite and on PostgreSQL (15 and later).
 */
import type { Db } from './db.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'records, heartbeats, presence',
    sql: `
      CREATE TABLE plays (
        id uuid PRIMARY KEY,
        screen text NOT NULL,
        item text NOT NULL,
        kind text NOT NULL,
        item_hash text NOT NULL,
        version text,
        started timestamptz NOT NULL,
        seconds double precision NOT NULL,
        completed boolean NOT NULL,
        ended_by text NOT NULL,
        received timestamptz NOT NULL
      );
      CREATE INDEX plays_started ON plays (started);
      CREATE TABLE periods (
        id uuid PRIMARY KEY,
        screen text NOT NULL,
        type text NOT NULL,
        version text,
        started timestamptz NOT NULL,
        seconds double precision NOT NULL,
        ended_by text NOT NULL,
        received timestamptz NOT NULL
      );
      CREATE INDEX periods_started ON periods (started);
      CREATE TABLE hourly_totals (
        id uuid PRIMARY KEY,
        screen text NOT NULL,
        item text NOT NULL,
        kind text NOT NULL,
        version text,
        hour timestamptz NOT NULL,
        plays integer NOT NULL,
        completed integer NOT NULL,
        seconds double precision NOT NULL,
        received timestamptz NOT NULL
      );
      CREATE INDEX hourly_totals_hour ON hourly_totals (hour);
      CREATE TABLE screen_state (
        screen text PRIMARY KEY,
        first_seen timestamptz NOT NULL,
        last_seen timestamptz NOT NULL,
        beat jsonb NOT NULL
      );
      CREATE TABLE presence (
        screen text NOT NULL,
        slot timestamptz NOT NULL,
        PRIMARY KEY (screen, slot)
      );
    `,
  },
  {
    version: 2,
    name: 'staff users and sessions',
    sql: `
      CREATE TABLE users (
        name text PRIMARY KEY,
        password text NOT NULL,
        created timestamptz NOT NULL
      );
      CREATE TABLE sessions (
        id text PRIMARY KEY,
        name text NOT NULL REFERENCES users (name) ON DELETE CASCADE,
        csrf text NOT NULL,
        expires timestamptz NOT NULL
      );
      CREATE INDEX sessions_expires ON sessions (expires);
    `,
  },
];

export const LATEST = MIGRATIONS.at(-1)!.version;

const LOCK = 'SELECT pg_advisory_xact_lock(742611)';

/**
 * The versions applied so far (none on an empty database). Under the lock: two servers
 * creating the table at once would collide (CREATE TABLE IF NOT EXISTS is not safe for that).
 */
export function appliedVersions(db: Db): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query(LOCK);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())`);
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    return rows.map((r) => Number(r.version));
  });
}

/**
 * Brings the schema to `target` (default: the latest). Safe to run from two processes at once:
 * each migration takes a transaction-scoped advisory lock and re-checks what is applied.
 * Returns the versions it applied.
 */
export async function migrate(db: Db, target = LATEST, migrations = MIGRATIONS): Promise<number[]> {
  await appliedVersions(db);
  const done: number[] = [];
  for (const m of migrations) {
    if (m.version > target) break;
    const applied = await db.transaction(async (tx) => {
      await tx.query(LOCK);
      const have = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (have.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (applied) done.push(m.version);
  }
  return done;
}
