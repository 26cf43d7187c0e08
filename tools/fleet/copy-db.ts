/**
 * Copies a fleet database into another one of the same schema version (PGlite → PostgreSQL,
 * or back): every table in pages of rows, as JSON, skipping rows the target already has, so a
 * copy that stopped halfway can simply run again. Both are migrated to the latest first.
 * Pages are read by key (keyset: `WHERE key > the last one`), so each page is an index seek
 * however far into a large table (the presence table grows by a row per screen every 5 minutes).
 */
import type { Db } from './db.ts';
import { migrate } from './migrations.ts';

/** Tables in an order that keeps foreign keys whole, with their primary key's columns. */
const TABLES = [
  ['users', ['name']], ['sessions', ['id']], ['plays', ['id']], ['periods', ['id']], ['hourly_totals', ['id']],
  ['screen_state', ['screen']], ['presence', ['screen', 'slot']],
] as const;

export async function copyDb(from: Db, to: Db, onTable: (table: string, rows: number) => void = () => {}, page = 5000): Promise<void> {
  await migrate(from);
  await migrate(to);
  for (const [table, key] of TABLES) {
    const cols = key.join(', ');
    // The key read back as text and compared as the column's own type (the parameters take it).
    const keyText = key.map((k, i) => `${k}::text AS k${i}`).join(', ');
    const after = `WHERE (${cols}) > (${key.map((_, i) => `$${i + 1}`).join(', ')})`;
    let copied = 0;
    for (let last: string[] | undefined; ;) {
      const rows = await from.query<{ r: unknown } & Record<string, string>>(
        `SELECT row_to_json(t) AS r, ${keyText} FROM ${table} t ${last ? after : ''} ORDER BY ${cols} LIMIT ${page}`,
        last ?? [],
      );
      if (rows.length === 0) break;
      await to.query(
        `INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json) ON CONFLICT DO NOTHING`,
        [JSON.stringify(rows.map((x) => x.r))],
      );
      copied += rows.length;
      const end = rows.at(-1)!;
      last = key.map((_, i) => end[`k${i}`]!);
    }
    onTable(table, copied);
  }
}
