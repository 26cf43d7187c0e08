/**
 * Frames made on the page from a content source: the preview, the dev server and a screen
 * without a service worker. (On a screen with its worker, the worker makes them: see
 * src/ui/scene-source.ts.)
 */
import { frameAt } from '../ui/scene.ts';
import type { SceneSource } from '../ui/scene-source.ts';
import type { ContentSource } from './active-content.ts';

export function localScenes(source: ContentSource, screenId: string | undefined): SceneSource {
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
