/**
 * Bytes on the wire (gzip) that one published change moves through the manifest: the root and
 * every page whose hash is new, against what the format-1 manifest (one pretty-printed file
 * listing every entry) would have moved for the same content. For `npm run bench` and the
 * size test (test/unit/manifest-size.test.ts).
 */
import { gzipSync } from 'node:zlib';
import type { Manifest } from '../../src/content/manifest.ts';
import { manifestText } from './compile.ts';

export const gzipBytes = (data: string | Uint8Array): number => gzipSync(data, { level: 9 }).byteLength;

/** The same content as the format-1 manifest would have published it (for comparison only). */
export function legacyManifestText(m: Manifest): string {
  const { version, generated, settings, screens, calendar, items, assets } = m;
  return `${JSON.stringify({ format: 1, version, generated, settings, screens, calendar, items, assets }, null, 1)}\n`;
}

export interface Moved {
  /** gzip bytes of the root manifest.json. */
  root: number;
  /** gzip bytes of the pages the new root names and the old one does not. */
  pages: number;
  changedPages: number;
  /** root + pages. */
  after: number;
  /** gzip bytes of the whole format-1 manifest of the new content. */
  before: number;
}

/** What a screen holding `old` downloads of the manifest to reach `next` (files: url → bytes). */
export function manifestMoved(old: Manifest, next: Manifest, files: ReadonlyMap<string, Uint8Array>): Moved {
  const had = new Set(old.pages.map((e) => e.hash));
  const changed = next.pages.filter((e) => !had.has(e.hash));
  const root = gzipBytes(manifestText(next));
  const pages = changed.reduce((n, e) => n + gzipBytes(files.get(e.url)!), 0);
  return { root, pages, changedPages: changed.length, after: root + pages, before: gzipBytes(legacyManifestText(next)) };
}
