/**
 * A content set: one complete, verified manifest with everything it references, as frames are
 * made from it. The service worker reads it from its store (src/sync/read-content-set.ts); the
 * preview, the dev server and the no-worker fallback fetch it (src/bridge/fetch-content.ts).
 * Read-only: a new set is a new object (calendar views and memos are kept per set).
 */
import type { CalendarTables } from '../calendar/tables.ts';
import type { Manifest } from '../content/manifest.ts';
import type { CompiledItem } from '../content/schema.ts';

export interface ContentSet {
  readonly manifest: Manifest;
  /** The items that passed every check, in manifest order. */
  readonly items: readonly CompiledItem[];
  readonly tables: CalendarTables;
  /** A URL the page can load for a content path ("assets/…", "qr/…"), if the set has it. */
  assetUrl(path: string): string | undefined;
}

/** The URL of each asset of a manifest, resolved against the content folder. */
export function assetResolver(manifest: Pick<Manifest, 'assets'>, base: URL): (path: string) => string | undefined {
  const urls = new Map(manifest.assets.map((a) => [a.path, new URL(a.url, base).href]));
  return (path) => urls.get(path);
}

/** Where a page that makes its own frames gets its content: the set now, and a call when it changes. */
export interface ContentSource {
  current(): ContentSet | undefined;
  subscribe(listener: (content: ContentSet) => void): () => void;
}

/** A source's holder: the current set, and listeners told when it changes. */
export function contentHolder(): ContentSource & { set(content: ContentSet): void } {
  let current: ContentSet | undefined;
  const listeners = new Set<(c: ContentSet) => void>();
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
