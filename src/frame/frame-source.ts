/**
 * Where <kiosk-app> gets what to show: the frame of an instant, asked at a slide boundary and
 * once a minute (synchronously: a frame is always at hand), and a call when frames change.
 *
 * On a screen the frames come from the service worker (src/bridge/worker-frames.ts: an hour at
 * a time, asked again before they run out); in the preview, on the dev server and without a
 * worker they are made on the page from the content (./content-frames.ts).
 */
import type { Screen } from '../content/schema.ts';
import type { Frame } from './frame-at.ts';

export interface FrameSource {
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
