/**
 * Which screens this box plays, so that it syncs only the feeds they play: a district of thirty
 * communities must not download every community's notices and films to every gate. The worker
 * learns a screen from the page's requests for its frames (they name it) and keeps it, with
 * when it was last asked for, in the root's sync state (so a worker stopped when idle still
 * knows); a screen not asked for in a week is forgotten. A box that has played no screen yet
 * (a first start) syncs every feed. Pure: the caller reads and writes the state.
 *
 * @example wantedFeed(manifest.screens, played(state.screens, now))(delegation) // true: sync it
 */
import { feedRefusal } from '../content/scope.ts';
import type { FeedDelegation, Screen } from '../content/schema.ts';

/** A screen not asked for in this long is no longer this box's. */
export const SCREEN_MEMORY_MS = 7 * 24 * 3_600_000;
/** How stale a screen's last-asked time may get before it is written again. */
const NOTE_EVERY_MS = 3_600_000;

export type PlayedScreens = Readonly<Record<string, number>>;

/** The screens asked for within the memory (ids). */
export function played(screens: PlayedScreens | undefined, now: number): Set<string> {
  return new Set(Object.entries(screens ?? {}).filter(([, at]) => now - at < SCREEN_MEMORY_MS).map(([id]) => id));
}

/** The memory after `id` was asked for at `now`, or undefined when there is nothing worth writing. */
export function noted(screens: PlayedScreens | undefined, id: string, now: number): PlayedScreens | undefined {
  const at = screens?.[id];
  if (at !== undefined && now - at < NOTE_EVERY_MS && now >= at) return undefined;
  const kept = Object.entries(screens ?? {}).filter(([k, t]) => k !== id && now - t < SCREEN_MEMORY_MS);
  return Object.fromEntries([...kept, [id, now]]);
}

/** Which feeds to sync: those a played screen plays; every feed while no screen is known. */
export function wantedFeed(screens: readonly Screen[], ids: ReadonlySet<string>): (d: FeedDelegation) => boolean {
  const mine = screens.filter((s) => ids.has(s.id));
  return mine.length === 0 ? () => true : (d) => mine.some((s) => feedRefusal(s, d) === undefined);
}
