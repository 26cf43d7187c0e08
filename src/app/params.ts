/** The kiosk URL contract: `/?screen=<id>&at=<ISO date-time>`. */
export interface KioskParams {
  screen: string | undefined;
  /** The instant the clock starts at (ms), when `at` is a valid ISO date-time. */
  at: number | undefined;
}

export function readParams(search: string): KioskParams {
  const q = new URLSearchParams(search);
  const at = q.get('at');
  const t = at ? Date.parse(at) : NaN;
  return { screen: q.get('screen') ?? undefined, at: Number.isNaN(t) ? undefined : t };
}
