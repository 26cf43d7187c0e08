/**
 * The databases every fleet test runs on: PGlite (in memory, from global-setup's empty copy) and PostgreSQL (a fresh database
 * in the cluster of global-setup.ts). `describe.each(BACKENDS)` and `open()` in beforeAll.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Db } from '../../tools/fleet/db.ts';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** Why this backend is skipped here, or '' . */
  skip: string;
  open(): Promise<Db>;
}

/** A new empty database in the test cluster. */
async function freshPostgres(): Promise<Db> {
  const admin = await openPostgres(inject('postgresUrl'), 1);
  const name = `fleet_${randomBytes(6).toString('hex')}`;
  try {
    await admin.exec(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  return openPostgres(url.toString());
}

export const BACKENDS: Backend[] = [
  { name: 'pglite', skip: '', open: () => openPglite(undefined, new Blob([readFileSync(inject('pgliteTemplate'))])) },
  { name: 'postgres', skip: inject('postgresMissing'), open: freshPostgres },
];
