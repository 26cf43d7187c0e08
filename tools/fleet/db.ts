/**
 * The fleet's database: PGlite (Postgres in WASM, embedded, nothing to install) by default,
 * PostgreSQL when given a URL. Both speak the same SQL; the queries in this folder are written
 * once with $1 … $n parameters and run unchanged on either.
 */
import { mkdirSync } from 'node:fs';

export interface Db {
  readonly kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(fn: (tx: Pick<Db, 'query' | 'exec'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * `dir` = a data directory (made if missing), or undefined for a database in memory;
 * `template` = a data directory dumped by `dumpPglite` to start from (skips initdb: tests).
 */
export async function openPglite(dir?: string, template?: Blob): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dir) mkdirSync(dir, { recursive: true });
  const pg = await PGlite.create({ ...(dir ? { dataDir: dir } : {}), ...(template ? { loadDataDir: template } : {}) });
  const query = async <T>(sql: string, params: unknown[] = []) => (await pg.query<T>(sql, params)).rows;
  const exec = async (sql: string) => {
    await pg.exec(sql);
  };
  return {
    kind: 'pglite',
    query,
    exec,
    transaction: (fn) =>
      pg.transaction((tx) =>
        fn({
          query: async <T>(sql: string, params: unknown[] = []) => (await tx.query<T>(sql, params)).rows,
          exec: async (sql: string) => {
            await tx.exec(sql);
          },
        }),
      ),
    close: () => pg.close(),
  };
}

export async function openPostgres(url: string, max = 10): Promise<Db> {
  const { default: pg } = await import('pg');
  // bigint counts come back as strings by default; every count here fits a double.
  pg.types.setTypeParser(20, (s: string) => Number(s));
  pg.types.setTypeParser(1700, (s: string) => Number(s));
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {}); // an idle client's lost connection: the next query reconnects
  const query = async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[];
  return {
    kind: 'postgres',
    query,
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
          exec: async (sql: string) => {
            await client.query(sql);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** A new empty PGlite database's data directory, as a tarball for `openPglite(…, template)`. */
export async function dumpEmptyPglite(): Promise<Blob> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = await PGlite.create();
  try {
    return await pg.dumpDataDir('none');
  } finally {
    await pg.close();
  }
}

/** PostgreSQL when DATABASE_URL is set, else PGlite in `dataDir`. */
export function openDb(env: { DATABASE_URL?: string | undefined }, dataDir: string): Promise<Db> {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(dataDir);
}
