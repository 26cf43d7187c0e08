/** Moving from PGlite to PostgreSQL: every table's rows arrive, once, and a second copy adds nothing. */
import { describe, expect, it } from 'vitest';
import { copyDb } from '../../tools/fleet/copy-db.ts';
import { ingestRecords, storeHeartbeat } from '../../tools/fleet/ingest.ts';
import { migrate } from '../../tools/fleet/migrations.ts';
import { addUser } from '../../tools/fleet/sessions.ts';
import { BACKENDS } from './backends.ts';
import { beat, period, play } from './fixtures.ts';

const pglite = BACKENDS.find((b) => b.name === 'pglite')!;
const postgres = BACKENDS.find((b) => b.name === 'postgres')!;

describe('copy-to', () => {
  it.skipIf(postgres.skip)('copies a PGlite fleet into PostgreSQL whole, and again adds nothing', async () => {
    const from = await pglite.open();
    const to = await postgres.open();
    try {
      await migrate(from);
      await addUser(from, 'staff', 'a long password');
      const records = [...Array.from({ length: 7 }, (_, i) => play('s1', `2026-12-01T01:00:${String(i * 5).padStart(2, '0')}Z`)), period('s1', '2026-12-01T01:01:00Z', 'card', 30)];
      await ingestRecords(from, 's1', records, new Date('2026-12-01T02:00:00Z'));
      await storeHeartbeat(from, beat('s1'), new Date('2026-12-01T02:00:00Z'), 300);
      const counts = async (db: typeof from) =>
        db.query(`SELECT (SELECT count(*)::int FROM plays) AS plays, (SELECT count(*)::int FROM periods) AS periods,
          (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM screen_state) AS screens, (SELECT count(*)::int FROM presence) AS presence`);
      const copied: string[] = [];
      await copyDb(from, to, (t, n) => copied.push(`${t} ${n}`), 3);
      expect(await counts(to)).toEqual(await counts(from));
      expect(copied).toContain('plays 7');
      await copyDb(from, to, () => {}, 3);
      expect(await counts(to)).toEqual(await counts(from));
      const [b] = await to.query<{ beat: { build: string } }>('SELECT beat FROM screen_state');
      expect(b!.beat.build).toBe('test');
    } finally {
      await from.close();
      await to.close();
    }
  });

  it('pages by key, never by OFFSET, and gets every row of a composite key across pages (PGlite to PGlite)', async () => {
    const from = await pglite.open();
    const to = await pglite.open();
    try {
      await migrate(from);
      // Three screens, each seen in several 5-minute slots: presence rows whose (screen, slot) keys span pages.
      for (const screen of ['a', 'b', 'c']) {
        for (let h = 0; h < 3; h++) await storeHeartbeat(from, beat(screen), new Date(Date.UTC(2026, 11, 1, h)), 300);
        await ingestRecords(from, screen, [play(screen, '2026-12-01T01:00:00Z', { seconds: 1200 })], new Date('2026-12-01T02:00:00Z'));
      }
      const sql: string[] = [];
      const spy: typeof from = { ...from, query: (q, params) => (sql.push(q), from.query(q, params)) };
      const copied: string[] = [];
      await copyDb(spy, to, (t, n) => copied.push(`${t} ${n}`), 2);
      const rows = async (db: typeof from) => (await db.query<{ k: string }>(`SELECT screen || ' ' || slot::text AS k FROM presence ORDER BY 1`)).map((r) => r.k);
      expect(await rows(to)).toEqual(await rows(from));
      expect((await rows(from)).length).toBeGreaterThan(6);
      expect(copied).toContain(`presence ${(await rows(from)).length}`);
      expect(copied).toContain('plays 3');
      const reads = sql.filter((q) => /FROM presence t/.test(q));
      expect(reads.length).toBeGreaterThan(3);
      expect(sql.some((q) => /\bOFFSET\b/i.test(q))).toBe(false);
      expect(reads.slice(1).every((q) => /WHERE \(screen, slot\) > \(\$1, \$2\)/.test(q))).toBe(true);
    } finally {
      await from.close();
      await to.close();
    }
  });
});
