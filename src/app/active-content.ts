import type { CalendarTables } from '../calendar/tables.ts';
import type { Manifest } from '../content/manifest.ts';
import type { CompiledItem } from '../content/schema.ts';

/**
 * A content set as the page holds it when it plans for itself (the preview, the dev server,
 * the no-worker fallback: see ./local-scenes.ts): one complete, verified manifest with
 * everything it references. On a screen with its worker, the worker holds the set and the page
 * gets frames instead.
 */
export interface ActiveContent {
  manifest: Manifest;
  items: CompiledItem[];
  tables: CalendarTables;
  /** A URL the page can load for a content path ("assets/…", "qr/…"), if the set has it. */
  assetUrl(path: string): string | undefined;
}

/** Where such a page gets its content: the set now, and a call when it changes. */
export interface ContentSource {
  current(): ActiveContent | undefined;
  subscribe(listener: (content: ActiveContent) => void): () => void;
}

/** A source's holder: the current set, and listeners told when it changes. */
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
