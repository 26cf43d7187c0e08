/**
 * Past its record cap a screen keeps counts, not detail: the oldest plays are folded into
 * hourly totals per item (src/fleet/protocol.ts HourlyTotal), so a screen offline for months
 * stays bounded and the counts the fleet server gets are never short. Pure.
 *
 * A total is made once and never folded again: it keeps its id until the server acknowledges
 * it (a total whose answer was lost is resent with the same id, which the server already
 * holds). A later fold of the same hour makes another total beside it. A total's id is its
 * first play's id made a version-8 uuid (RFC 9562, custom): deterministic, unique as that play's
 * was (each play is folded once), and never a play's id (those are version 4).
 *
 * @example foldHourly(oldestPlays) // → one total per screen, item, kind, version and hour
 */
import type { HourlyTotal, PlayRecord } from '../../fleet/protocol.ts';

const HOUR_MS = 3_600_000;

export interface Fold {
  total: HourlyTotal;
  /** The index, in the plays given, of the total's first play (its place in the queue). */
  first: number;
}

/** The id of the total whose first play has id `playId`. */
export const totalId = (playId: string): string => `${playId.slice(0, 14)}8${playId.slice(15)}`;

/** Plays folded into one total per (screen, item, kind, version, hour), in the order of their first play. */
export function foldHourly(plays: readonly PlayRecord[]): Fold[] {
  const folds = new Map<string, Fold>();
  plays.forEach((p, k) => {
    const hour = new Date(Math.floor(Date.parse(p.started) / HOUR_MS) * HOUR_MS).toISOString();
    const key = JSON.stringify([p.screen, p.item, p.kind, p.version, hour]);
    const f = folds.get(key) ?? {
      first: k,
      total: { type: 'hourly', id: totalId(p.id), screen: p.screen, item: p.item, kind: p.kind, version: p.version, hour, plays: 0, completed: 0, seconds: 0 },
    };
    f.total.plays += 1;
    f.total.completed += p.completed ? 1 : 0;
    f.total.seconds = Math.round((f.total.seconds + p.seconds) * 1000) / 1000;
    folds.set(key, f);
  });
  return [...folds.values()];
}
