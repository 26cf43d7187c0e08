/**
 * The real clock and timers, for the service worker's engine and the page's sync scheduler (the
 * interface is src/frame/clock.ts `Timers`: time as a parameter, so tests pass a fake).
 */
import type { Timers } from '../frame/clock.ts';

export type { Timers };

export const browserTimers: Timers = {
  now: () => Date.now(),
  after(ms, fn) {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};
