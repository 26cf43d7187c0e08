/**
 * The clock a player reads: the only way the page learns the instant. The page's real one
 * (real time, or real time shifted to start at `?at=`) is src/app/clock.ts; tests pass fakes.
 */
export interface Clock {
  /** ms since the epoch */
  now(): number;
}
