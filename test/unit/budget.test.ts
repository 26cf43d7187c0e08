import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGET, entrySize, workerSize } from '../../tools/lib/budget.ts';

/**
 * Sizes of the built app (npm test builds it first). A size check, not a timed test.
 *
 * DESIGN.md's budget for the kiosk is 20 KB gzip of JS and 5 KB of CSS. The page ships Lit,
 * workbox-window and the UI, with its CSS in a stylesheet; the service worker owns the content
 * (sync engine, store, validator) and sends the page its frames (schedule and calendar), so
 * none of that is in the page. The no-worker fallback (plain http, dev server) loads more,
 * lazily: measured and printed apart, and it must stay the only lazy import.
 */
/**
 * DESIGN.md sets no budget for the service worker; it is fetched once per app release, runs
 * off the page's thread and is stopped when idle. This ceiling only keeps it from growing
 * unnoticed: lower it as it shrinks. 26 KB before proof of play and films: the fleet exchange
 * (src/sync/report/) added 3 KB; films added hash-wasm's sha256 (about 7 KB, most of it its
 * WebAssembly in base64: the incremental hash of a 300 MB film, which WebCrypto cannot do) and
 * the streamed, resumable download and Range answers (38 KB); feeds (each delegated feed synced
 * and checked on its own, merged into one set) 3 KB more: about 41 KB.
 */
const WORKER_CEILING = 44 * 1024;
/** The lazy film player (src/ui/film-deck.ts), loaded only by screens whose loop has a film. */
const FILM_CEILING = 2 * 1024;

describe('kiosk budget (DESIGN.md)', () => {
  it('has a build to measure', () => {
    expect(existsSync('dist/.vite/manifest.json'), 'run `npm run build` first').toBe(true);
  });

  it('keeps the kiosk within 20 KB gzip of JS and 5 KB of CSS', () => {
    const size = entrySize('dist', 'index.html');
    console.log(`kiosk: ${size.js} B gzip JS (budget ${BUDGET.js}), ${size.css} B gzip CSS (budget ${BUDGET.css}) — ${size.files.join(', ')}; without a service worker ${size.fallback} B more — ${size.fallbackFiles.join(', ')}`);
    expect(size.js).toBeGreaterThan(5_000); // Lit alone is more: a smaller figure means the measure broke
    expect(size.js).toBeLessThanOrEqual(BUDGET.js);
    expect(size.css).toBeLessThanOrEqual(BUDGET.css);
    // Only the network fallback and the film player are lazy: anything else lazy would hide from the budget.
    expect(size.lazy.sort()).toEqual(['app/network-fallback.ts', 'ui/film-deck.ts']);
  });

  it('reports the film player apart, and keeps it small', () => {
    const size = entrySize('dist', 'index.html');
    console.log(`film player (lazy, only with films): ${size.film} B gzip — ${size.filmFiles.join(', ')}`);
    expect(size.filmFiles).toHaveLength(1);
    expect(size.film).toBeGreaterThan(300);
    expect(size.film).toBeLessThanOrEqual(FILM_CEILING);
    expect(size.fallbackFiles.some((f) => f.includes('film-deck'))).toBe(false);
  });

  it('keeps the service worker under its ceiling', () => {
    const sw = workerSize('dist');
    console.log(`service worker: ${sw} B gzip (ceiling ${WORKER_CEILING})`);
    expect(sw).toBeGreaterThan(5_000);
    expect(sw).toBeLessThanOrEqual(WORKER_CEILING);
  });
});
