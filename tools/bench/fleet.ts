/**
 * Fleet section of `npm run bench`: N simulated screens on loopback, each beating and sending a
 * day of plays (06:30–22:00 of 12-second slides, in batches of 500), against the fleet server on
 * PGlite and on PostgreSQL (a throwaway cluster, or DATABASE_URL_BENCH). Then every batch of a
 * tenth of the screens again, as screens do when an answer is lost. Prints requests/s, p99
 * latency, records/s, the server's memory, and lost and duplicated records (goal: 0 and 0).
 *
 *   FLEET_SCREENS (default 20; the scale is 5000), FLEET_CLIENTS (concurrent, 16),
 *   FLEET_SLIDE_SECONDS (12), FLEET_BACKENDS (pglite,postgres)
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { MAX_BATCH, type Heartbeat, type IngestAnswer, type PlayRecord } from '../../src/fleet/protocol.ts';
import { postgresBin, startCluster } from '../lib/postgres-cluster.ts';
import { onBackend } from './fleet-backend.ts';
import { screenToken } from '../fleet/tokens.ts';

const SECRET = 'bench-secret-0123456789';
const DAY_START = Date.parse('2026-11-30T22:30:00Z'); // 06:30 in Asia/Shanghai
const DAY_SECONDS = (22 * 60 - 6 * 60 - 30) * 60;
const HASH = 'ab'.repeat(32);

interface Server {
  url: string;
  stats(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/bench/fleet-server.ts'], { env: { ...process.env, ...env, FLEET_SECRET: SECRET }, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => JSON.parse(String((await lines.next()).value)) as Record<string, unknown>;
  let url: string;
  try {
    ({ url } = (await next()) as { url: string });
  } catch (e) {
    child.kill(); // it never said where it listens: not left running
    throw e;
  }
  return {
    url,
    async stats() {
      child.stdin!.write('stats\n');
      return (await next()) as Record<string, number>;
    },
    async stop() {
      child.stdin!.write('exit\n');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

function dayOfPlays(screen: string, slide: number): PlayRecord[] {
  const n = Math.floor(DAY_SECONDS / slide);
  return Array.from({ length: n }, (_, i) => ({
    type: 'play', id: randomUUID(), screen, item: `health/item-${i % 40}`, kind: 'health', itemHash: HASH, version: HASH,
    started: new Date(DAY_START + i * slide * 1000).toISOString(), seconds: slide, completed: true, endedBy: 'next',
  }));
}

const beat = (screen: string): Heartbeat => ({
  screen, build: 'bench', version: HASH, onAir: 'health/item-0', on: true, lastSync: { result: 'ok', at: new Date().toISOString() },
  storage: { used: 1e7, quota: 1e9, persisted: true }, clockOffsetMs: 0, uptimeS: 1, errors: { count: 0 }, viewport: { width: 1920, height: 1080 }, orientation: 'landscape',
});

async function run(server: Server, screens: number, clients: number, slide: number) {
  const latencies: number[] = [];
  let records = 0;
  let acked = 0;
  let failures = 0;
  const post = async (screen: string, path: string, body: unknown) => {
    const t = performance.now();
    const res = await fetch(new URL(path, server.url), { method: 'POST', headers: { authorization: `Bearer ${screenToken(SECRET, screen)}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = (await res.json()) as unknown;
    latencies.push(performance.now() - t);
    if (!res.ok) failures++;
    return json;
  };
  const batchesOf = (screen: string) => {
    const plays = dayOfPlays(screen, slide);
    const out: PlayRecord[][] = [];
    for (let i = 0; i < plays.length; i += MAX_BATCH) out.push(plays.slice(i, i + MAX_BATCH));
    return out;
  };
  const resend = new Map<string, PlayRecord[][]>();
  const queue = Array.from({ length: screens }, (_, i) => `bench-${String(i).padStart(5, '0')}`);
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    for (let screen = queue.shift(); screen; screen = queue.shift()) {
      await post(screen, '/api/v1/heartbeat', beat(screen));
      const batches = batchesOf(screen);
      for (const records_ of batches) {
        const a = (await post(screen, '/api/v1/records', { screen, records: records_ })) as IngestAnswer;
        records += records_.length;
        acked += a.accepted?.length ?? 0;
      }
      if (Number(screen.slice(-5)) % 10 === 0) resend.set(screen, batches);
      await post(screen, '/api/v1/heartbeat', beat(screen));
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  let duplicatesAnswered = 0;
  for (const [screen, batches] of resend) {
    for (const b of batches) duplicatesAnswered += ((await post(screen, '/api/v1/records', { screen, records: b })) as IngestAnswer).duplicates ?? 0;
  }
  latencies.sort((a, b) => a - b);
  const stats = await server.stats();
  return {
    requests: latencies.length, seconds, records, acked, failures,
    rps: latencies.length / seconds, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0, recordsPerS: records / seconds,
    stored: stats.plays!, distinct: stats.distinct_plays!, screensSeen: stats.screens!, resent: [...resend.values()].flat().flat().length, duplicatesAnswered,
    rssMB: stats.rssMB!, peakRssMB: stats.peakRssMB!,
  };
}

export async function benchFleet(): Promise<void> {
  const screens = Number(process.env.FLEET_SCREENS) || 20;
  const clients = Number(process.env.FLEET_CLIENTS) || 16;
  const slide = Number(process.env.FLEET_SLIDE_SECONDS) || 12;
  const backends = (process.env.FLEET_BACKENDS ?? 'pglite,postgres').split(',');
  console.log(`fleet: ${screens} screens × a day of ${slide}-second plays (${Math.floor(DAY_SECONDS / slide)} each), ${clients} at once, on loopback`);
  for (const backend of backends) {
    const deps = { url: process.env.DATABASE_URL_BENCH, startServer, cluster: () => {
      const bin = postgresBin();
      return bin ? startCluster(bin) : undefined;
    } };
    const done = await onBackend(backend, deps, async (server) => {
      const r = await run(server, screens, clients, slide);
      const lost = r.records - r.stored;
      const duplicated = r.stored - r.distinct + (r.duplicatesAnswered === r.resent ? 0 : r.resent - r.duplicatesAnswered);
      console.log(`  ${backend.padEnd(8)} ${r.requests} requests in ${r.seconds.toFixed(1)} s: ${r.rps.toFixed(0)} req/s, p99 ${r.p99.toFixed(0)} ms, ` +
        `${r.recordsPerS.toFixed(0)} records/s; server RSS ${r.rssMB} MB (peak ${r.peakRssMB} MB); ` +
        `lost ${lost}, duplicated ${duplicated} (resent ${r.resent}), refused ${r.failures}, screens seen ${r.screensSeen}/${screens}`);
    });
    if (!done) console.log('  postgres: skipped (no DATABASE_URL_BENCH and no PostgreSQL binaries)');
  }
}
