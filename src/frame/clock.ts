/**
 * The clock a player reads: the only way the page learns the instant. The page's real one
 * (real time, or real time shifted to start at `?at=`) is src/app/clock.ts; tests pass fakes.
 */
export interface Clock {
  /** ms since the epoch */
  now(): number;
}

/**
 * A clock that also sets timers: the sync engine (in the worker) and the page's sync scheduler
 * never read the wall clock or set a timer themselves, so tests drive them with a fake clock and
 * no real sleeps. The real one is src/sync/timers.ts `browserTimers`.
 */
export interface Timers extends Clock {
  /** Calls fn after ms; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void;
}
