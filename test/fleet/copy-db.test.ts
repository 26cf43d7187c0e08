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
});
