/**
 * The fleet project's global setup: the PostgreSQL the tests run against. DATABASE_URL_TEST
 * when set (.ci/run sets it); else a throwaway cluster when PostgreSQL's binaries are on this
 * machine; else none, and the PostgreSQL tests skip saying why.
 * Also an empty PGlite data directory, made once, that each test file starts from (a PGlite
 * initdb costs seconds on a busy box; loading the copy, a fraction).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dumpEmptyPglite } from '../../tools/fleet/db.ts';
import { postgresBin, startCluster } from '../../tools/lib/postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresMissing: string;
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const tmp = mkdtempSync(join(tmpdir(), 'fleet-pglite-'));
  const template = join(tmp, 'empty.tar');
  writeFileSync(template, Buffer.from(await (await dumpEmptyPglite()).arrayBuffer()));
  project.provide('pgliteTemplate', template);
  const postgres = startPostgres(project);
  return () => {
    postgres();
    rmSync(tmp, { recursive: true, force: true });
  };
}

function startPostgres(project: TestProject): () => void {
  const given = process.env.DATABASE_URL_TEST;
  if (given) {
    project.provide('postgresUrl', given);
    project.provide('postgresMissing', '');
    return () => {};
  }
  const bin = postgresBin();
  if (!bin) {
    const why = 'DATABASE_URL_TEST is unset and no PostgreSQL binaries (initdb) were found: the PostgreSQL fleet tests skip';
    console.warn(`fleet: ${why}`);
    project.provide('postgresUrl', '');
    project.provide('postgresMissing', why);
    return () => {};
  }
  const cluster = startCluster(bin);
  project.provide('postgresUrl', cluster.url);
  project.provide('postgresMissing', '');
  return () => cluster.stop();
}
