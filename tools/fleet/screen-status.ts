/**
 * The fleet at an instant: each screen online (seen within two beats), silent (not seen while
 * within its hours: the ones to go and look at), off (outside its hours) or never seen.
 * Silent screens first, then never seen, online, off; by id within each.
 */
import type { Heartbeat } from '../../src/fleet/protocol.ts';
import type { LocalText } from '../../src/content/schema.ts';
import type { Published } from './published.ts';
import { hoursOf, withinHours } from './screen-hours.ts';

export type ScreenState = 'silent' | 'never' | 'online' | 'off';

export interface ScreenRow {
  id: string;
  name: LocalText;
  state: ScreenState;
  /** Not in the published screens (a token made for an id since removed, or a typo). */
  unknown: boolean;
  lastSeen: string | null;
  beat: Heartbeat | null;
  /** The beat's content version is the latest published. */
  current: boolean | null;
}

export interface SeenRow {
  screen: string;
  last_seen: Date | string;
  beat: Heartbeat | string;
}

const ORDER: Record<ScreenState, number> = { silent: 0, never: 1, online: 2, off: 3 };

export function screenRows(published: Published, seen: SeenRow[], now: number): ScreenRow[] {
  const byId = new Map(seen.map((s) => [s.screen, s]));
  const screens = new Map(published.screens.map((s) => [s.id, s]));
  const ids = new Set([...screens.keys(), ...byId.keys()]);
  const rows: ScreenRow[] = [];
  for (const id of ids) {
    const screen = screens.get(id);
    const s = byId.get(id);
    const lastSeen = s ? new Date(s.last_seen).getTime() : undefined;
    const beat = s ? (typeof s.beat === 'string' ? (JSON.parse(s.beat) as Heartbeat) : s.beat) : null;
    const on = withinHours(hoursOf(screen?.hours), now, published.timeZone);
    const state: ScreenState =
      lastSeen !== undefined && now - lastSeen <= 2 * published.beatSeconds * 1000 ? 'online'
        : lastSeen === undefined ? 'never'
          : on ? 'silent' : 'off';
    rows.push({
      id,
      name: screen?.name ?? id,
      state,
      unknown: !screen,
      lastSeen: lastSeen === undefined ? null : new Date(lastSeen).toISOString(),
      beat,
      current: beat && published.version ? beat.version === published.version : null,
    });
  }
  return rows.sort((a, b) => ORDER[a.state] - ORDER[b.state] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
