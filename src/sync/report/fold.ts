/**
 * Past its record cap a screen keeps counts, not detail: the oldest plays are folded into
 * hourly totals per item (src/fleet/protocol.ts HourlyTotal), so a screen offline for months
 * stays bounded and the counts the fleet server gets are never short. Pure.
 *
 * @example foldHourly(oldest, crypto.randomUUID) // plays → one total per item, version and hour
 */
import type { FleetRecord, HourlyTotal } from '../../fleet/protocol.ts';

const HOUR_MS = 3_600_000;

/** Plays and earlier totals folded into one total per (screen, item, kind, version, hour); periods kept as they are. */
export function foldHourly(records: readonly FleetRecord[], uuid: () => string): FleetRecord[] {
  const totals = new Map<string, HourlyTotal>();
  const kept: FleetRecord[] = [];
  for (const r of records) {
    if (r.type !== 'play' && r.type !== 'hourly') {
      kept.push(r);
      continue;
    }
    const hour = r.type === 'hourly' ? r.hour : new Date(Math.floor(Date.parse(r.started) / HOUR_MS) * HOUR_MS).toISOString();
    const key = JSON.stringify([r.screen, r.item, r.kind, r.version, hour]);
    const t = totals.get(key) ?? { type: 'hourly', id: uuid(), screen: r.screen, item: r.item, kind: r.kind, version: r.version, hour, plays: 0, completed: 0, seconds: 0 };
    t.plays += r.type === 'hourly' ? r.plays : 1;
    t.completed += r.type === 'hourly' ? r.completed : r.completed ? 1 : 0;
    t.seconds = Math.round((t.seconds + r.seconds) * 1000) / 1000;
    totals.set(key, t);
  }
  return [...kept, ...totals.values()];
}
