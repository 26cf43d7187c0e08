/**
 * The kiosk's clock: real time, or real time shifted so that it starts at `?at=` and runs on.
 * The only place in the app that reads the wall clock; everything else takes the instant.
 */
import type { Clock } from '../frame/clock.ts';

/** `at` undefined or NaN: real time. */
export function startClock(at: number | undefined, wall: () => number = Date.now): Clock {
  const offset = (at ?? NaN) - wall() || 0;
  return { now: () => wall() + offset };
}
