/**
 * The fleet server for the bench, in its own process so its memory is its own: PGlite in
 * memory, or PostgreSQL at DATABASE_URL. Prints `{"url": …}`; on stdin `stats` prints the row
 * counts and its memory, `exit` stops it.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { openDb } from '../fleet/db.ts';
import { migrate } from '../fleet/migrations.ts';
import { startFleetServer } from '../fleet/server.ts';

const db = await openDb(process.env, '');
await migrate(db);
const running = await startFleetServer({ db, secret: process.env.FLEET_SECRET ?? 'bench-secret-0123456789', script: async () => '' });
console.log(JSON.stringify({ url: running.url }));
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'stats') {
    const [rows] = await db.query<{ plays: number; periods: number; screens: number }>(
      `SELECT (SELECT count(*)::int FROM plays) AS plays, (SELECT count(DISTINCT id)::int FROM plays) AS distinct_plays,
              (SELECT count(*)::int FROM periods) AS periods, (SELECT count(*)::int FROM screen_state) AS screens`);
    const m = process.memoryUsage();
    const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    console.log(JSON.stringify({ ...rows, rssMB: Math.round(m.rss / 2 ** 20), peakRssMB: peak ? Math.round(Number(peak) / 1024) : null }));
  } else if (line === 'exit') {
    await running.close();
    await db.close();
    process.exit(0);
  }
}
