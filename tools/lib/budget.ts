/**
 * The kiosk's JS and CSS sizes as the screen loads them, gzipped (level 9, as servers send
 * them), read from Vite's build manifest.
 *
 * A screen with its service worker loads the entry chunk and its static imports: that is the
 * budgeted kiosk (DESIGN.md). Lazy chunks load only on a page that has no worker (plain http,
 * the dev server: src/app/network-fallback.ts, which then makes its frames on the page); they
 * are measured and reported apart, as `fallback`, never hidden. The film player
 * (src/ui/film-deck.ts) is lazy too: a screen loads it only when its loop has a film; it is
 * reported as its own figure, `film`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
}

export const BUDGET = { js: 20 * 1024, css: 5 * 1024 };

export interface EntrySize {
  /** JS of the entry and its static imports (gzip bytes). */
  js: number;
  css: number;
  files: string[];
  /** JS that only the no-worker fallback loads on top (gzip bytes), and its files. */
  fallback: number;
  fallbackFiles: string[];
  /** JS the film player adds when a loop has a film (gzip bytes), and its files. */
  film: number;
  filmFiles: string[];
  /** The modules the kiosk imports lazily (build-manifest keys). */
  lazy: string[];
}

/** The lazy film player's build-manifest key. */
export const FILM_CHUNK = 'ui/film-deck.ts';

export function entrySize(dist: string, entry: string): EntrySize {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const chunk = (key: string) => {
    const c = manifest[key];
    if (!c) throw new Error(`no chunk ${key} in the build manifest`);
    return c;
  };
  const css = new Set<string>();
  /** Keys reachable from `from` through static imports, not in `skip`. */
  const closure = (from: string[], skip: Set<string>): Set<string> => {
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key) || skip.has(key)) return;
      seen.add(key);
      const c = chunk(key);
      c.css?.forEach((f) => css.add(f));
      c.imports?.forEach(visit);
    };
    from.forEach(visit);
    return seen;
  };
  const main = closure([entry], new Set());
  const lazyKeys = [...new Set([...main].flatMap((k) => chunk(k).dynamicImports ?? []))];
  const film = closure(lazyKeys.filter((k) => k === FILM_CHUNK), main);
  const lazy = closure(lazyKeys.filter((k) => k !== FILM_CHUNK), new Set([...main, ...film]));
  const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).byteLength;
  const js = (keys: Set<string>) => [...keys].map((k) => chunk(k).file).filter((f) => f.endsWith('.js'));
  const mainFiles = js(main);
  const lazyFiles = js(lazy);
  const filmFiles = js(film);
  return {
    js: mainFiles.reduce((n, f) => n + gz(f), 0),
    css: [...css].reduce((n, f) => n + gz(f), 0),
    files: [...mainFiles, ...css],
    fallback: lazyFiles.reduce((n, f) => n + gz(f), 0),
    fallbackFiles: lazyFiles,
    film: filmFiles.reduce((n, f) => n + gz(f), 0),
    filmFiles,
    lazy: lazyKeys,
  };
}

/** The service worker's size, gzip (it now carries the sync engine, store, validator, schedule and calendar). */
export function workerSize(dist: string): number {
  return gzipSync(readFileSync(join(dist, 'sw.js')), { level: 9 }).byteLength;
}
