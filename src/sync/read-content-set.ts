/**
 * The committed active set as a ContentSet: manifest, valid items and decoded calendar tables,
 * read in the service worker from its store. The worker makes the page's frames from it
 * (src/sw/answer.ts) and keeps it in memory while it is active.
 */
import { decodeTables } from '../calendar/tables.ts';
import { assetResolver, type ContentSet } from '../frame/content-set.ts';
import type { ContentStore } from './store/content-store.ts';

/** The active set, or undefined before the first commit. Throws if the store cannot be read. */
export async function readContentSet(store: ContentStore, base: URL, signal?: AbortSignal): Promise<ContentSet | undefined> {
  const set = await store.activeSet(signal);
  if (!set) return undefined;
  const { manifest } = set.record;
  return {
    manifest, items: set.items.map((r) => r.item), tables: decodeTables(set.calendar.tables), assetUrl: assetResolver(manifest, base),
  };
}
