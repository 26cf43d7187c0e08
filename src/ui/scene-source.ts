/**
 * Where <kiosk-app> gets what to show: the frame of an instant, asked at a slide boundary and
 * once a minute (synchronously: a frame is always at hand), and a call when frames change.
 *
 * On a screen the frames come from the service worker (segmentSource: an hour at a time, asked
 * again before they run out); in the preview, on the dev server and without a worker they are
 * made on the page from the content (src/app/local-scenes.ts).
 */
import type { Screen } from '../content/schema.ts';
import type { Clock } from '../app/clock.ts';
import type { FramesReply } from './frames.ts';
import type { Frame } from './scene.ts';

export interface SceneSource {
  /** The frame at `t`: null when the content has no such screen, undefined before any content. */
  frameAt(t: number): Frame | null | undefined;
  /** Every screen of the content (for the page that lists them). */
  screens(): readonly Pick<Screen, 'id' | 'name'>[];
  /**
   * Loadable URLs for content paths ("assets/…", "qr/…") of the frames at hand. Keep the
   * resolver with the slide made from them: newer frames must not change a picture on air.
   */
  assets(): (path: string) => string | undefined;
  /** Calls `listener` when frames change (new content); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The next instant after `t` at which the frame changes, when known (an off-minute one included). */
  nextChange?(t: number): number | undefined;
}

export interface SegmentSource extends SceneSource {
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
}

/** Ask again when less than this is left of the frames at hand. */
export const REFILL_MS = 20 * 60_000;
/** After a failed ask, or an answer without content, wait this long before the next. */
export const RETRY_MS = 30_000;

export interface SegmentSourceOptions {
  /** Frames from an instant on (null: no content committed yet). */
  fetchFrames: (from: number) => Promise<FramesReply | null>;
  clock: Clock;
  /** The content folder URL, for asset URLs. */
  base: URL;
  /** Called after each failed ask with the number of failures in a row. */
  onFailure?: (failures: number) => void;
}

/**
 * Frames fetched ahead (one hour or so), looked up by instant. Past the end of what it holds
 * (the worker did not answer in time) the last frame goes on playing: the loop is a function
 * of the instant, so it stays right until the rules change. Without frames (none yet, or the
 * worker failed) it asks again every RETRY_MS, driven by the page's own per-minute look-ups.
 */
export function segmentSource(o: SegmentSourceOptions): SegmentSource {
  const { clock } = o;
  let reply: FramesReply | undefined;
  let resolve: (path: string) => string | undefined = () => undefined;
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
        reply = r;
        const urls = new Map(Object.entries(r.assets).map(([path, url]) => [path, new URL(url, o.base).href]));
        resolve = (path) => urls.get(path);
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
      const { segments } = reply;
      let i = segments.length - 1;
      while (i > 0 && segments[i]!.from > t) i--;
      return segments[i]?.frame;
    },
    nextChange(t) {
      return reply?.segments.find((x) => x.from > t)?.from;
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
  };
}
