/**
 * Frames made on the page from a content source: the preview, the dev server and a screen
 * without a service worker. (On a screen with its worker, the worker makes them and the page
 * holds them in src/bridge/worker-frames.ts.)
 */
import type { ContentSource } from './content-set.ts';
import { frameAt } from './frame-at.ts';
import type { FrameSource } from './frame-source.ts';

export function contentFrames(source: ContentSource, screenId: string | undefined): FrameSource {
  return {
    frameAt(t) {
      const c = source.current();
      return c && frameAt(c, screenId, t);
    },
    screens: () => source.current()?.manifest.screens ?? [],
    assets() {
      const c = source.current();
      return (path) => c?.assetUrl(path);
    },
    subscribe: (listener) => source.subscribe(() => listener()),
  };
}
