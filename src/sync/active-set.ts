/**
 * The committed active set as planning needs it: manifest, valid items and decoded calendar
 * tables. Read in the service worker from the store; the worker makes the page's frames from it
 * (src/sw/answer.ts) and keeps it in memory while it is active.
 */
import { type CalendarTables, decodeTables } from '../calendar/tables.ts';
import type { Manifest } from '../content/manifest.ts';
import type { CompiledItem } from '../content/schema.ts';
import type { ContentStore } from '../store/content-store.ts';

export interface ActiveSet {
  manifest: Manifest;
  /** Items of the manifest that passed every check, in manifest order. */
  items: CompiledItem[];
  tables: CalendarTables;
}

/** The active set, or undefined before the first commit. Throws if the store cannot be read. */
export async function readActiveSet(store: ContentStore, signal?: AbortSignal): Promise<ActiveSet | undefined> {
  const set = await store.activeSet(signal);
  if (!set) return undefined;
  return { manifest: set.record.manifest, items: set.items.map((r) => r.item), tables: decodeTables(set.calendar.tables) };
}
