/**
 * The kiosk's frames from its service worker: an hour at a time (src/frame/frames-for.ts, made
 * in the worker), asked for again before they run out, after each commit, and after a failed
 * ask. A FrameSource for <kiosk-app>; without a worker the page makes its frames itself
 * (src/frame/content-frames.ts).
 */
import type { Clock } from '../frame/clock.ts';
import type { FrameSource } from '../frame/frame-source.ts';
import type { FramesReply } from '../frame/frames-for.ts';

export interface WorkerFrames extends FrameSource {
  /** Asks for frames from now again: new content was committed (asks once more if an ask is under way). */
  refresh(): void;
  /** Asks for frames unless those at hand (or an ask under way) are of `version`. */
  want(version: string): void;
  /** The content version of the frames at hand. */
  version(): string | undefined;
  /** settings.syncInterval of that content (seconds). */
  syncInterval(): number | undefined;
  /** Asks in a row that failed (0 after an answer): a worker that cannot serve the page. */
  failures(): number;
  /** The frames at hand, as the worker sent them (to hand to the next page: ./frames-handoff.ts). */
  held(): FramesReply | undefined;
}

/** Ask again when less than this is left of the frames at hand. */
export const REFILL_MS = 20 * 60_000;
/** After a failed ask, or an answer without content, wait this long before the next. */
export const RETRY_MS = 30_000;

export interface WorkerFramesOptions {
  /** Frames from an instant on (null: no content committed yet). */
  fetchFrames: (from: number) => Promise<FramesReply | null>;
  clock: Clock;
  /** The content folder URL, for asset URLs. */
  base: URL;
  /** Called after each failed ask with the number of failures in a row. */
  onFailure?: (failures: number) => void;
  /** Frames to play until the worker answers (those the page before this one held). */
  seed?: FramesReply;
}

/**
 * Frames fetched ahead (one hour or so), looked up by instant. Past the end of what it holds
 * (the worker did not answer in time) the last frame goes on playing: the loop is a function
 * of the instant, so it stays right until the rules change. Without frames (none yet, or the
 * worker failed) it asks again every RETRY_MS, driven by the page's own per-minute look-ups.
 */
export function workerFrames(o: WorkerFramesOptions): WorkerFrames {
  const { clock } = o;
  let reply: FramesReply | undefined;
  let resolve: (path: string) => string | undefined = () => undefined;
  const hold = (r: FramesReply) => {
    reply = r;
    const urls = new Map(Object.entries(r.assets).map(([path, url]) => [path, new URL(url, o.base).href]));
    resolve = (path) => urls.get(path);
  };
  if (o.seed) hold(o.seed);
  let asking = false;
  let quietSince = -Infinity; // the last failed or empty answer
  let failures = 0;
  let stale = false;
  const listeners = new Set<() => void>();

  /** Done asking; a commit that came meanwhile asks once more. */
  function settle(): void {
    asking = false;
    if (stale) {
      stale = false;
      ask();
    }
  }

  function ask(): void {
    if (asking) {
      stale = true;
      return;
    }
    asking = true;
    o.fetchFrames(clock.now()).then((r) => {
      failures = 0;
      if (!r) quietSince = clock.now(); // no content committed yet
      else {
        hold(r);
        // An answer that came too late to cover now (a worker busy for long, a clock that
        // jumped): ask again at once rather than play its last frame (it may be a night's "off").
        if (clock.now() >= r.until - REFILL_MS) stale = true;
      }
      settle();
      if (r) listeners.forEach((l) => l());
    }, (e: unknown) => {
      quietSince = clock.now();
      failures++;
      settle();
      console.warn('science-window: no frames from the service worker; the current ones go on', e);
      o.onFailure?.(failures);
    });
  }

  ask();
  return {
    frameAt(t) {
      const due = !reply || t < reply.from || t >= reply.until - REFILL_MS;
      // |…|: a clock set back (NTP) must not hold the next ask off for hours.
      if (due && !asking && Math.abs(clock.now() - quietSince) >= RETRY_MS) ask();
      if (!reply) return undefined;
      const { frames } = reply;
      let i = frames.length - 1;
      while (i > 0 && frames[i]!.from > t) i--;
      return frames[i]?.frame;
    },
    nextChange(t) {
      return reply?.frames.find((x) => x.from > t)?.from;
    },
    screens: () => reply?.screens ?? [],
    assets: () => resolve,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh: ask,
    want(version) {
      if (!asking && version !== reply?.version) ask();
    },
    version: () => reply?.version,
    syncInterval: () => reply?.syncInterval,
    failures: () => failures,
    held: () => reply,
  };
}
