/** The fleet bench and the fleet tests leave no PostgreSQL cluster, process or temp folder behind when a start fails. */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { onBackend } from '../../tools/bench/fleet-backend.ts';
import { startCluster } from '../../tools/lib/postgres-cluster.ts';

const made: string[] = [];
const savedTmp = process.env.TMPDIR;
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder of fake PostgreSQL binaries: initdb makes the data folder, pg_ctl fails. */
function fakeBin(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-pg-bin-'));
  made.push(dir);
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'initdb'), '#!/bin/sh\nmkdir -p "$2"\n', { mode: 0o755 });
  writeFileSync(join(dir, 'pg_ctl'), '#!/bin/sh\necho "pg_ctl: could not start server" >&2\nexit 1\n', { mode: 0o755 });
  return dir;
}

describe('cleaning up after a failed start', () => {
  it('startCluster removes its temp folder when pg_ctl start fails', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'cluster-tmp-'));
    made.push(tmp);
    chmodSync(tmp, 0o755); // as root, the binaries run as the postgres user
    const bin = fakeBin();
    process.env.TMPDIR = tmp;
    expect(() => startCluster(bin)).toThrow();
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('the bench stops the cluster it started when the server does not start, or the run fails', async () => {
    const stops: string[] = [];
    const cluster = () => ({ url: 'postgresql://x', stop: () => void stops.push('cluster') });
    const failing = { url: undefined, cluster, startServer: () => Promise.reject(new Error('no server')) };
    await expect(onBackend('postgres', failing, async () => 1)).rejects.toThrow('no server');
    expect(stops).toEqual(['cluster']);

    const server = { stop: async () => void stops.push('server') };
    const started = { url: undefined, cluster, startServer: async () => server };
    await expect(onBackend('postgres', started, () => Promise.reject(new Error('run failed')))).rejects.toThrow('run failed');
    expect(stops).toEqual(['cluster', 'server', 'cluster']);
  });

  it('the bench starts no cluster for PGlite or for a given URL, and skips PostgreSQL without one', async () => {
    const started: string[] = [];
    const d = (url: string | undefined, have: boolean) => ({
      url, cluster: () => (started.push('cluster'), have ? { url: 'postgresql://c', stop: () => {} } : undefined),
      startServer: async (env: NodeJS.ProcessEnv) => (started.push(`server ${env.DATABASE_URL}`), { stop: async () => {} }),
    });
    expect(await onBackend('pglite', d(undefined, true), async () => 'ran')).toEqual({ value: 'ran' });
    expect(await onBackend('postgres', d('postgresql://given', true), async () => 'ran')).toEqual({ value: 'ran' });
    expect(await onBackend('postgres', d(undefined, false), async () => 'ran')).toBeUndefined();
    expect(started).toEqual(['server ', 'server postgresql://given', 'cluster']);
  });
});
