/**
 * Storing what screens send. Idempotent: a record id the server holds is skipped (ON CONFLICT
 * DO NOTHING), so a screen that resends a batch whose answer it never saw adds nothing twice.
 * Every record and every beat also marks the presence slots it covers (availability).
 */
import type { FleetRecord, Heartbeat, HourlyTotal, IngestAnswer, PeriodRecord, PlayRecord } from '../../src/fleet/protocol.ts';
import type { Db } from './db.ts';

/** Presence is counted in slots of this many seconds. */
export const SLOT_SECONDS = 300;
const SLOT_MS = SLOT_SECONDS * 1000;
/** A record covers at most a week of slots (a longer one is a screen's clock gone wrong). */
const MAX_SLOTS = 7 * 288;

export function slotOf(ms: number): number {
  return Math.floor(ms / SLOT_MS) * SLOT_MS;
}

/** The slot starts (ms) that [fromMs, toMs] touches. */
export function slotsBetween(fromMs: number, toMs: number): number[] {
  const out: number[] = [];
  for (let s = slotOf(fromMs); s <= toMs && out.length < MAX_SLOTS; s += SLOT_MS) out.push(s);
  return out;
}

type Tx = Pick<Db, 'query'>;

async function insertReturning(tx: Tx, sql: string, columns: unknown[]): Promise<string[]> {
  if ((columns[0] as unknown[]).length === 0) return [];
  const rows = await tx.query<{ id: string }>(sql, columns);
  return rows.map((r) => r.id);
}

async function markPresence(tx: Tx, screen: string, slots: Iterable<number>): Promise<void> {
  const iso = [...new Set(slots)].map((s) => new Date(s).toISOString());
  if (iso.length === 0) return;
  await tx.query(
    `INSERT INTO presence (screen, slot) SELECT $1, s FROM unnest($2::timestamptz[]) AS t(s)
     ON CONFLICT DO NOTHING`,
    [screen, iso],
  );
}

/** Stores a checked batch of one screen; `now` is the server's clock. */
export async function ingestRecords(db: Db, screen: string, records: FleetRecord[], now: Date): Promise<IngestAnswer> {
  const received = now.toISOString();
  const plays = records.filter((r): r is PlayRecord => r.type === 'play');
  const periods = records.filter((r): r is PeriodRecord => r.type === 'card' || r.type === 'off');
  const hourly = records.filter((r): r is HourlyTotal => r.type === 'hourly');
  const slots: number[] = [];
  for (const r of [...plays, ...periods]) {
    const start = Date.parse(r.started);
    slots.push(...slotsBetween(start, start + Math.max(0, r.seconds * 1000 - 1)));
  }
  const added = await db.transaction(async (tx) => {
    const a = await insertReturning(
      tx,
      `INSERT INTO plays (id, screen, item, kind, item_hash, version, started, seconds, completed, ended_by, received)
       SELECT id, $2, item, kind, item_hash, version, started, seconds, completed, ended_by, $10
       FROM unnest($1::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
                   $8::float8[], $9::boolean[], $11::text[])
         AS t(id, item, kind, item_hash, version, started, seconds, completed, ended_by)
       ON CONFLICT (id) DO NOTHING RETURNING id::text`,
      [
        plays.map((r) => r.id), screen, plays.map((r) => r.item), plays.map((r) => r.kind),
        plays.map((r) => r.itemHash), plays.map((r) => r.version), plays.map((r) => r.started),
        plays.map((r) => r.seconds), plays.map((r) => r.completed), received, plays.map((r) => r.endedBy),
      ],
    );
    const b = await insertReturning(
      tx,
      `INSERT INTO periods (id, screen, type, version, started, seconds, ended_by, received)
       SELECT id, $2, type, version, started, seconds, ended_by, $8
       FROM unnest($1::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::float8[], $7::text[])
         AS t(id, type, version, started, seconds, ended_by)
       ON CONFLICT (id) DO NOTHING RETURNING id::text`,
      [
        periods.map((r) => r.id), screen, periods.map((r) => r.type), periods.map((r) => r.version),
        periods.map((r) => r.started), periods.map((r) => r.seconds), periods.map((r) => r.endedBy), received,
      ],
    );
    const c = await insertReturning(
      tx,
      `INSERT INTO hourly_totals (id, screen, item, kind, version, hour, plays, completed, seconds, received)
       SELECT id, $2, item, kind, version, hour, plays, completed, seconds, $10
       FROM unnest($1::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::int[], $8::int[], $9::float8[])
         AS t(id, item, kind, version, hour, plays, completed, seconds)
       ON CONFLICT (id) DO NOTHING RETURNING id::text`,
      [
        hourly.map((r) => r.id), screen, hourly.map((r) => r.item), hourly.map((r) => r.kind),
        hourly.map((r) => r.version), hourly.map((r) => r.hour), hourly.map((r) => r.plays),
        hourly.map((r) => r.completed), hourly.map((r) => r.seconds), received,
      ],
    );
    await markPresence(tx, screen, slots);
    return a.length + b.length + c.length;
  });
  const accepted = [...new Set(records.map((r) => r.id))];
  return { accepted, added, duplicates: records.length - added };
}

/**
 * Stores a beat as the screen's latest state. The beat vouches for the time since the previous
 * one when that is at most two beats ago; otherwise only for its own slot.
 */
export async function storeHeartbeat(db: Db, beat: Heartbeat, now: Date, beatSeconds: number): Promise<void> {
  await db.transaction(async (tx) => {
    const prev = await tx.query<{ last_seen: Date | string }>('SELECT last_seen FROM screen_state WHERE screen = $1 FOR UPDATE', [beat.screen]);
    const nowMs = now.getTime();
    const last = prev[0] ? new Date(prev[0].last_seen).getTime() : undefined;
    const from = last !== undefined && nowMs - last <= 2 * beatSeconds * 1000 && last <= nowMs ? last : nowMs;
    await tx.query(
      `INSERT INTO screen_state (screen, first_seen, last_seen, beat) VALUES ($1, $2, $2, $3)
       ON CONFLICT (screen) DO UPDATE SET last_seen = GREATEST(screen_state.last_seen, EXCLUDED.last_seen), beat = EXCLUDED.beat`,
      [beat.screen, now.toISOString(), JSON.stringify(beat)],
    );
    await markPresence(tx, beat.screen, slotsBetween(from, nowMs));
  });
}
