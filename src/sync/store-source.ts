/**
 * The display's ContentSource on the screen: the committed active set from the store, and a
 * call to subscribers after each commit. A sync in progress is never visible here: only
 * `reload()` after a commit changes what `current()` returns, and only to a complete set.
 */
import { decodeTables } from '../calendar/tables.ts';
import { type ActiveContent, type ContentSource, contentHolder } from '../app/active-content.ts';
import type { ContentStore } from '../store/content-store.ts';

export interface StoreSource extends ContentSource {
  /** Reads the active set again; notifies subscribers if its version changed. Never throws:
   * on a failure the current set stays. Resolves true if the set changed. */
  reload(signal?: AbortSignal): Promise<boolean>;
}

/**
 * @param base the content folder URL; asset URLs are resolved against it (content-addressed,
 *   answered by the service worker from the content cache).
 * @example const source = storeSource(store, new URL('content/', document.baseURI)); await source.reload();
 */
export function storeSource(store: ContentStore, base: URL): StoreSource {
  const holder = contentHolder();
  return {
    current: holder.current,
    subscribe: holder.subscribe,
    async reload(signal) {
      let next: ActiveContent;
      try {
        const set = await store.activeSet(signal);
        if (!set || set.record.version === holder.current()?.manifest.version) return false;
        const { manifest } = set.record;
        const urls = new Map(manifest.assets.map((a) => [a.path, new URL(a.url, base).href]));
        next = {
          manifest,
          items: set.items.map((r) => r.item),
          tables: decodeTables(set.calendar.tables),
          assetUrl: (path) => urls.get(path),
        };
      } catch (e) {
        console.warn('science-window: could not read the active set; the current one stays', e);
        return false;
      }
      holder.set(next);
      return true;
    },
  };
}
