/**
 * What the service worker does with a request, decided from its URL alone (pure, testable).
 *  - 'immutable': content-addressed content files (the root's and the same-origin feeds'): cache first, forever.
 *  - 'manifest': the content manifest (the root's, a feed's): always the network; the sync engine owns it, and a stale
 *    copy from a cache would hide new content.
 *  - 'navigation': pages: the precached app shell, so the kiosk starts offline.
 *  - 'foreign': another origin's content-addressed files (a feed hosted elsewhere): from the verified
 *    cache when the sync put them there (so they show offline), else checked against their name
 *    as a miss of this origin's is (./verified-miss.ts).
 *  - 'pass': everything else: the browser's default (precached app files are handled before).
 */
export type RouteKind = 'immutable' | 'foreign' | 'manifest' | 'navigation' | 'pass';

/** The root's files (content/…) and each same-origin feed's (feeds/<id>/…). */
const IMMUTABLE = /\/(content|feeds\/[a-z0-9][a-z0-9-]*)\/(pages|items|assets|calendar)\/[0-9a-f]{64}\.[a-z0-9]+$/;
const FOREIGN = /\/(pages|items|assets|calendar)\/[0-9a-f]{64}\.[a-z0-9]+$/;
const MANIFEST = /\/(content|feeds\/[a-z0-9][a-z0-9-]*)\/manifest\.json$/;

export function classify(url: URL, mode: string, scope: URL): RouteKind {
  if (url.origin !== scope.origin) return FOREIGN.test(url.pathname) ? 'foreign' : 'pass';
  if (!url.pathname.startsWith(scope.pathname)) return 'pass';
  if (IMMUTABLE.test(url.pathname)) return 'immutable';
  if (MANIFEST.test(url.pathname)) return 'manifest';
  if (mode === 'navigate') return 'navigation';
  return 'pass';
}

/** The precached page that answers a navigation: the preview for preview URLs, else the kiosk. */
export function shellFor(url: URL): string {
  return /\/preview(\.html|\/)?$/.test(url.pathname) ? 'preview.html' : 'index.html';
}
