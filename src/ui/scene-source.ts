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
  /** A loadable URL for a content path ("assets/…", "qr/…"). */
  assetUrl(path: string): string | undefined;
  /** Calls `listener` when frames change (new content); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export interface SegmentSource extends SceneSource {
  /** Asks for frames from now again (new content was committed). */
  refresh(): void;
  /** The content version of the frames at hand. */
  version(): string | undefined;
  /** settings.syncInterval of that content (seconds). */
  syncInterval(): number | undefined;
}

/** Ask again when less than this is left of the frames at hand. */
export const REFILL_MS = 20 * 60_000;
/** After a failed ask, wait this long before the next. */
export const RETRY_MS = 30_000;

/**
 * Frames fetched ahead (`fetchFrames(from)`, one hour or so), looked up by instant. Past the
 * end of what it holds (the worker did not answer in time) the last frame goes on playing: the
 * loop is a function of the instant, so it stays right until the rules change.
 *
 * @param fetchFrames frames from an instant on (null: no content yet)
 * @param base the content folder URL, for asset URLs
 */
export function segmentSource(fetchFrames: (from: number) => Promise<FramesReply | null>, clock: Clock, base: URL): SegmentSource {
  let reply: FramesReply | undefined;
  let urls = new Map<string, string>();
  let asking = false;
  let failedAt = -Infinity;
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
    fetchFrames(clock.now()).then((r) => {
      settle();
      if (!r) return; // no content committed yet
      reply = r;
      urls = new Map(Object.entries(r.assets).map(([path, url]) => [path, new URL(url, base).href]));
      listeners.forEach((l) => l());
    }, (e: unknown) => {
      settle();
      failedAt = clock.now();
      console.warn('science-window: no frames from the service worker; the current ones go on', e);
    });
  }

  ask();
  return {
    frameAt(t) {
      if (!reply) return undefined;
      const due = t < reply.from || t >= reply.until - REFILL_MS;
      if (due && !asking && clock.now() - failedAt >= RETRY_MS) ask();
      const { segments } = reply;
      let i = segments.length - 1;
      while (i > 0 && segments[i]!.from > t) i--;
      return segments[i]?.frame;
    },
    screens: () => reply?.screens ?? [],
    assetUrl: (path) => urls.get(path),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh: ask,
    version: () => reply?.version,
    syncInterval: () => reply?.syncInterval,
  };
}
