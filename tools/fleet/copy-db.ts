/**
 * Copies a fleet database into another one of the same schema version (PGlite → PostgreSQL,
 * or back): every table in pages of rows, as JSON, skipping rows the target already has, so a
 * copy that stopped halfway can simply run again. Both are migrated to the latest first.
 */
import type { Db } from './db.ts';
import { migrate } from './migrations.ts';

/** Tables in an order that keeps foreign keys whole, with the key to page by. */
const TABLES = [
  ['users', 'name'], ['sessions', 'id'], ['plays', 'id'], ['periods', 'id'], ['hourly_totals', 'id'],
  ['screen_state', 'screen'], ['presence', 'screen, slot'],
] as const;

export async function copyDb(from: Db, to: Db, onTable: (table: string, rows: number) => void = () => {}, page = 5000): Promise<void> {
  await migrate(from);
  await migrate(to);
  for (const [table, key] of TABLES) {
    let copied = 0;
    for (let offset = 0; ; offset += page) {
      const rows = await from.query<{ r: unknown }>(`SELECT row_to_json(t) AS r FROM ${table} t ORDER BY ${key} LIMIT ${page} OFFSET ${offset}`);
      if (rows.length === 0) break;
      await to.query(
        `INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json) ON CONFLICT DO NOTHING`,
        [JSON.stringify(rows.map((x) => x.r))],
      );
      copied += rows.length;
    }
    onTable(table, copied);
  }
}
