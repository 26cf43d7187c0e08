/**
 * The records waiting for the fleet server, in the screen's IndexedDB (store `records`, oldest
 * first; schema v3 in ../store/upgrade.ts). Bounded: past `cap` the oldest chunk is folded into
 * hourly totals (./fold.ts) in the same transaction, so a count is never lost, only detail.
 */
import type { FleetRecord } from '../../fleet/protocol.ts';
import type { StoreDb } from '../store/open-store.ts';
import { foldHourly } from './fold.ts';

/** Records kept on a screen before the oldest are folded (about 60 MB of IndexedDB). */
export const RECORD_CAP = 200_000;

export interface Pending {
  key: number;
  record: FleetRecord;
}

/** The oldest `n` records (of one screen id, when given), with their keys. */
export async function oldest(db: StoreDb, n: number, screen?: string): Promise<Pending[]> {
  const out: Pending[] = [];
  const store = db.transaction('records').store;
  let cursor = await (screen === undefined ? store.openCursor() : store.index('by-screen').openCursor(IDBKeyRange.only(screen)));
  while (cursor && out.length < n) {
    out.push({ key: cursor.primaryKey, record: cursor.value });
    cursor = await cursor.continue();
  }
  return out;
}

/** Records waiting that carry another screen id than `screen` (the box had another id when they were recorded). */
export async function otherScreens(db: StoreDb, screen: string): Promise<number> {
  const tx = db.transaction('records');
  const [all, mine] = await Promise.all([tx.store.count(), tx.store.index('by-screen').count(IDBKeyRange.only(screen))]);
  return all - mine;
}

/** Deletes the records the server acknowledged (by their ids). */
export async function drop(db: StoreDb, sent: readonly Pending[], accepted: readonly string[]): Promise<number> {
  const ids = new Set(accepted);
  const tx = db.transaction('records', 'readwrite');
  const gone = sent.filter((p) => ids.has(p.record.id));
  await Promise.all([...gone.map((p) => tx.store.delete(p.key)), tx.done]);
  return gone.length;
}

/**
 * Over `cap`: the oldest tenth of the cap (at least the excess) folded into hourly totals,
 * merged with the totals already waiting (one per item, version and hour, whatever the number
 * of folds). Only when the totals alone pass the cap (a screen offline for about a year) are
 * the oldest dropped. Never run beside an upload (the reporter sees to it): a record in flight
 * must not be folded away. Returns the number of records fewer.
 */
export async function foldOverCap(db: StoreDb, cap: number, uuid: () => string): Promise<number> {
  const count = await db.count('records');
  if (count <= cap) return 0;
  const chunk = await oldest(db, count - cap + Math.ceil(cap / 10));
  const inChunk = new Set(chunk.map((p) => p.key));
  const totals: Pending[] = [];
  let cursor = await db.transaction('records').store.openCursor();
  for (; cursor; cursor = await cursor.continue()) {
    if (cursor.value.type === 'hourly' && !inChunk.has(cursor.key)) totals.push({ key: cursor.key, record: cursor.value });
  }
  const from = [...chunk, ...totals];
  const folded = foldHourly(from.map((p) => p.record), uuid);
  const tx = db.transaction('records', 'readwrite');
  await Promise.all([...from.map((p) => tx.store.delete(p.key)), ...folded.map((r) => tx.store.add(r)), tx.done]);
  const left = count - from.length + folded.length;
  if (left > cap) {
    const over = await oldest(db, left - cap);
    const drop = db.transaction('records', 'readwrite');
    await Promise.all([...over.map((p) => drop.store.delete(p.key)), drop.done]);
  }
  return count - Math.min(left, cap);
}
