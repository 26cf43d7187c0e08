/**
 * The records waiting for the fleet server, in the screen's IndexedDB (store `records`, in the
 * order they were recorded; schema v3 and v5 in ../store/upgrade.ts). Bounded: past `cap` the
 * oldest plays are folded into hourly totals (./fold.ts) in one transaction, so a count is
 * never lost, only detail.
 */
import type { FleetRecord, PlayRecord } from '../../fleet/protocol.ts';
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

/** Deletes the records of `sent` with these ids (the server acknowledged them); returns their keys. */
export async function drop(db: StoreDb, sent: readonly Pending[], ids: readonly string[]): Promise<number[]> {
  const gone = new Set(ids);
  const keys = sent.filter((p) => gone.has(p.record.id)).map((p) => p.key);
  const tx = db.transaction('records', 'readwrite');
  await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
  return keys;
}

type PendingPlay = { key: number; record: PlayRecord };

/** The oldest `n` plays, in the order recorded; those in `last` only when there are not `n` others. */
async function oldestPlays(db: StoreDb, n: number, last: ReadonlySet<number>): Promise<PendingPlay[]> {
  const first: PendingPlay[] = [];
  const then: PendingPlay[] = [];
  let cursor = await db.transaction('records').store.openCursor();
  for (; cursor && first.length < n; cursor = await cursor.continue()) {
    if (cursor.value.type === 'play') (last.has(cursor.key) ? then : first).push({ key: cursor.key, record: cursor.value });
  }
  return [...first, ...then.slice(0, n - first.length)].sort((a, b) => a.key - b.key);
}

/** When a record's period began (a total: its hour). */
const timeOf = (r: FleetRecord) => Date.parse(r.type === 'hourly' ? r.hour : r.started);

/** Deletes the `n` oldest records by their time (the order recorded breaks ties). */
async function dropOldest(db: StoreDb, n: number): Promise<void> {
  const all: [key: number, time: number][] = [];
  let cursor = await db.transaction('records').store.openCursor();
  for (; cursor; cursor = await cursor.continue()) all.push([cursor.key, timeOf(cursor.value)]);
  all.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const tx = db.transaction('records', 'readwrite');
  await Promise.all([...all.slice(0, n).map(([key]) => tx.store.delete(key)), tx.done]);
}

/**
 * Over `cap`: the oldest plays, a tenth of the cap (at least the excess), folded into hourly
 * totals, each in its first play's place in the queue. Totals already made are never folded
 * again (their ids stay: one sent whose answer was lost must not come back under a new id).
 * Plays whose batch went unanswered (`inDoubt`: the server may hold them, and a total of them
 * would count them twice) are folded last, only when there are not enough others (a screen
 * offline for long: every try leaves its batch in doubt); counting twice beats dropping.
 * Periods stay as they are. Only when what is left still passes the cap (totals and periods of
 * about a year offline) are records dropped: the oldest by time. Never run beside an upload
 * (the reporter sees to it): a record in flight must not be folded away. Returns the number of
 * records fewer.
 */
export async function foldOverCap(db: StoreDb, cap: number): Promise<number> {
  const count = await db.count('records');
  if (count <= cap) return 0;
  const inDoubt = new Set((await db.get('fleet', 'fleet'))?.inDoubt);
  const chunk = await oldestPlays(db, count - cap + Math.ceil(cap / 10), inDoubt);
  const folds = foldHourly(chunk.map((p) => p.record));
  const tx = db.transaction('records', 'readwrite');
  await Promise.all([
    ...chunk.map((p) => tx.store.delete(p.key)),
    ...folds.map((f) => tx.store.put(f.total, chunk[f.first]!.key)),
    tx.done,
  ]);
  const left = count - chunk.length + folds.length;
  if (left > cap) await dropOldest(db, left - cap);
  return count - Math.min(left, cap);
}
