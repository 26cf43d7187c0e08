/**
 * Time as a parameter: the engine and the scheduler never read the wall clock or set a timer
 * themselves, so tests drive them with a fake clock and no real sleeps.
 */
export interface Timers {
  /** ms since the epoch */
  now(): number;
  /** Calls fn after ms; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void;
}

/** The real clock, for the page. */
export const browserTimers: Timers = {
  now: () => Date.now(),
  after(ms, fn) {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};
