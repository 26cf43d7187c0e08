/**
 * The fleet project's global setup: the PostgreSQL the tests run against. DATABASE_URL_TEST
 * when set (.ci/run sets it); else a throwaway cluster when PostgreSQL's binaries are on this
 * machine; else none, and the PostgreSQL tests skip saying why.
 */
import type { TestProject } from 'vitest/node';
import { postgresBin, startCluster } from '../../tools/lib/postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresMissing: string;
  }
}

export default function setup(project: TestProject): () => void {
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
