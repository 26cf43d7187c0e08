/** The kiosk URL contract: `/?screen=<id>&token=<fleet token>&at=<date-time>` (`at` read by ../frame/read-at.ts). */
import { readAt } from '../frame/read-at.ts';

export interface KioskParams {
  screen: string | undefined;
  /** The screen's fleet token (docs/fleet.md). */
  token: string | undefined;
  /** `at` as typed ('' when none). */
  raw: string;
  /** The instant the clock starts at (ms): NaN when `at` is absent or cannot be read. */
  at: number;
}

/** `timeZone`: the site's as last seen (a bare date-time is read in it). */
export function readParams(search: string, timeZone: string): KioskParams {
  const q = new URLSearchParams(search);
  const raw = q.get('at') ?? '';
  return { screen: q.get('screen') ?? undefined, token: q.get('token') ?? undefined, raw, at: readAt(raw, timeZone) };
}
