/**
 * One backend of the fleet bench, set up and torn down whatever throws: PGlite needs nothing;
 * PostgreSQL is DATABASE_URL_BENCH, else a throwaway cluster started here and stopped here, also
 * when the server fails to start or the run fails.
 */
import type { Cluster } from '../lib/postgres-cluster.ts';

export interface Stoppable {
  stop(): Promise<void>;
}

export interface BackendDeps<S extends Stoppable> {
  /** A PostgreSQL URL given (DATABASE_URL_BENCH): no cluster is started. */
  url: string | undefined;
  /** A throwaway cluster, or undefined without PostgreSQL's binaries. */
  cluster(): Cluster | undefined;
  startServer(env: NodeJS.ProcessEnv): Promise<S>;
}

/** `body` run on a server over `backend` ('pglite' | 'postgres'), or undefined when PostgreSQL is not here. */
export async function onBackend<S extends Stoppable, T>(backend: string, d: BackendDeps<S>, body: (server: S) => Promise<T>): Promise<{ value: T } | undefined> {
  let cluster: Cluster | undefined;
  try {
    let env: NodeJS.ProcessEnv = { DATABASE_URL: '' };
    if (backend === 'postgres') {
      const url = d.url ?? (cluster = d.cluster())?.url;
      if (!url) return undefined;
      env = { DATABASE_URL: url };
    }
    const server = await d.startServer(env);
    try {
      return { value: await body(server) };
    } finally {
      await server.stop();
    }
  } finally {
    cluster?.stop();
  }
}
