/**
 * When to try again after `failures` failed runs in a row: exponential back-off with FULL
 * jitter, random() × min(cap, base × 2^failures), so that thousands of screens that lost the
 * network together never come back in lockstep.
 * @example backoffDelay(3, Math.random) // somewhere in [0, 40 s)
 */
export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
}

export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 30 * 60_000;

export function backoffDelay(failures: number, random: () => number, o: BackoffOptions = {}): number {
  const cap = o.capMs ?? BACKOFF_CAP_MS;
  const ceiling = Math.min(cap, (o.baseMs ?? BACKOFF_BASE_MS) * 2 ** Math.min(failures, 30));
  return Math.floor(random() * ceiling);
}
