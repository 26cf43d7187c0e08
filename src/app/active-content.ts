import type { CalendarTables } from '../calendar/tables.ts';
import type { Manifest } from '../content/manifest.ts';
import type { CompiledItem } from '../content/schema.ts';

/**
 * The content set the display plays: one complete, verified manifest with everything it
 * references. The display reads only this; how it arrived (fetch, sync, IndexedDB) is not its
 * concern.
 */
export interface ActiveContent {
  manifest: Manifest;
  items: CompiledItem[];
  tables: CalendarTables;
  /** A URL the page can load for a content path ("assets/…", "qr/…"), if the set has it. */
  assetUrl(path: string): string | undefined;
}

/** Where the display gets its content: the active set now, and a call when it changes. */
export interface ContentSource {
  current(): ActiveContent | undefined;
  subscribe(listener: (content: ActiveContent) => void): () => void;
}

/** The holder both sources share: the current set, and listeners told when it changes. */
export function contentHolder(): ContentSource & { set(content: ActiveContent): void } {
  let current: ActiveContent | undefined;
  const listeners = new Set<(c: ActiveContent) => void>();
  return {
    current: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(content) {
      current = content;
      listeners.forEach((l) => l(content));
    },
  };
}
