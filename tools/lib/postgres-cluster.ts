/**
 * A throwaway PostgreSQL cluster for the fleet tests and the bench: initdb in a temporary folder, the server on a
 * unix socket there (no TCP port), fsync off, stopped and removed after. Runs the server as
 * the `postgres` user when we are root (PostgreSQL refuses to run as root).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder of initdb and pg_ctl: PATH first, then Debian's /usr/lib/postgresql/<v>/bin. */
export function postgresBin(): string | undefined {
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const onPath = which.status === 0 ? which.stdout.trim() : '';
  if (onPath) return join(onPath, '..');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function owner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export interface Cluster {
  /** Connection URL of the cluster's `postgres` database, as a superuser. */
  url: string;
  stop(): void;
}

/** Starts a cluster in a new temporary folder; if anything fails, stops what started and removes the folder before throwing. */
export function startCluster(bin: string): Cluster {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-pg-'));
  const data = join(dir, 'data');
  let run: (cmd: string, args: string[]) => void = () => {};
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    const as = owner();
    if (as) chownSync(dir, as.uid, as.gid);
    run = (cmd, args) => execFileSync(join(bin, cmd), args, { stdio: ['ignore', 'pipe', 'pipe'], ...(as ?? {}), cwd: dir });
    const port = String(20000 + (process.pid % 20000));
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'fleet', '-E', 'UTF8', '--locale=C', '--no-sync']);
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses= -c fsync=off -c max_connections=200`, 'start']);
    return { url: `postgresql://fleet@localhost/postgres?host=${encodeURIComponent(dir)}&port=${port}`, stop };
  } catch (e) {
    try {
      stop();
    } catch {
      // the first error says more
    }
    throw e;
  }
}
