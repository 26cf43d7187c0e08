/**
 * Films in `npm run bench` (BENCH=films for this alone; needs `npm run build`):
 *  - sync a 300 MB film (FILM_MB=… to change it): the built kiosk in Chromium, its service
 *    worker syncing a set whose film A is replaced by that many random bytes (not a real film:
 *    what is measured is the download, the incremental sha256 and the writes to Cache Storage,
 *    parts then the whole); the time from the page's start to the commit, and the peak resident
 *    memory of Chromium's processes (sampled every 200 ms), against the film's size;
 *  - 1,000 film slides (FILM_SLIDES=…) under the page's fake clock (two films and a picture
 *    slide, the no-worker path as in the soak; FILM_REAL_MS of real time per slide, default 100,
 *    so the films decode and play): JS heap after a full collection, DOM nodes, the <video>
 *    elements made and on the page, and Chromium's media players and video decoders alive
 *    (./media-players.ts).
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import type { ManifestPage, RootManifest } from '../../src/content/manifest.ts';
import { compileContent, manifestText, sha256 } from '../lib/compile.ts';
import { writeFilmContent } from '../lib/film-content.ts';
import { serveStatic } from '../lib/static-server.ts';
import { mediaPlayers } from './media-players.ts';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const START = Date.parse('2026-10-18T09:00:00+08:00');
const MB = 1024 * 1024;

/** A copy of dist/ with the film content published into it. */
async function filmSite(dir: string): Promise<string> {
  const site = join(dir, 'site');
  cpSync('dist', site, { recursive: true });
  rmSync(join(site, 'content'), { recursive: true, force: true });
  mkdirSync(join(dir, 'scratch'));
  writeFilmContent(join(dir, 'content'), join(dir, 'scratch'));
  const r = await compileContent({ contentDir: join(dir, 'content'), outDir: join(site, 'content'), now: START, calendarYears: [2026, 2027] });
  if (!r.ok) throw new Error('film content did not compile');
  return site;
}

/** Writes `bytes` random bytes to `file`, a megabyte at a time; returns their sha256. */
function bigFile(file: string, bytes: number): string {
  const h = createHash('sha256');
  const fd = openSync(file, 'w');
  const buf = Buffer.alloc(MB);
  for (let left = bytes; left > 0; left -= MB) {
    const chunk = buf.subarray(0, Math.min(MB, left));
    randomFillSync(chunk);
    h.update(chunk);
    writeSync(fd, chunk);
  }
  closeSync(fd);
  return h.digest('hex');
}

/** Replaces the published film A by `bytes` random bytes: a new asset, page and root. */
function swapInBigFilm(site: string, bytes: number): string {
  const root = JSON.parse(readFileSync(join(site, 'content/manifest.json'), 'utf8')) as RootManifest;
  const hash = bigFile(join(site, 'content/assets/big.tmp'), bytes);
  execFileSync('mv', [join(site, 'content/assets/big.tmp'), join(site, `content/assets/${hash}.webm`)]);
  const pages = root.pages.map((e) => {
    const page = JSON.parse(readFileSync(join(site, 'content', e.url), 'utf8')) as ManifestPage;
    if (!page.assets.some((a) => a.path === 'assets/a.webm')) return e;
    const assets = page.assets.map((a) => (a.path === 'assets/a.webm' ? { ...a, hash, url: `assets/${hash}.webm`, bytes } : a));
    const text = JSON.stringify({ ...page, assets });
    const url = `pages/${sha256(text)}.json`;
    writeFileSync(join(site, 'content', url), text);
    return { hash: sha256(text), url, bytes: Buffer.byteLength(text) };
  });
  const next: RootManifest = { ...root, pages, version: sha256(`big-${hash}`) };
  writeFileSync(join(site, 'content/manifest.json'), manifestText(next));
  return next.version;
}

/** Resident memory (bytes) of a process and all its descendants, and of the largest one (and its kind). */
function rss(pid: number): { total: number; largest: number; kind: string } {
  const lines = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' }).trim().split('\n');
  const kinds = new Map<number, string>();
  const rows = lines.map((l) => {
    const [p, pp, kb] = l.trim().split(/\s+/).map(Number) as [number, number, number];
    kinds.set(p, /--type=(\S+)/.exec(l)?.[1]?.concat(/--utility-sub-type=(\S+)/.exec(l)?.[1] ? `:${/--utility-sub-type=(\S+)/.exec(l)![1]}` : '') ?? 'browser');
    return [p, pp, kb] as [number, number, number];
  });
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp] of rows) if (tree.has(pp) && !tree.has(p)) { tree.add(p); grew = true; }
  }
  const mine = rows.filter(([p]) => tree.has(p));
  const top = mine.reduce((a, b) => (b[2] > a[2] ? b : a));
  return { total: mine.reduce((a, [, , kb]) => a + kb * 1024, 0), largest: top[2] * 1024, kind: kinds.get(top[0]) ?? '?' };
}

/** The sync state in the page's IndexedDB: the active version and the last error. */
const syncState = `new Promise((res) => { const o = indexedDB.open('science-window'); o.onupgradeneeded = () => o.transaction?.abort();
  o.onsuccess = () => { if (!o.result.objectStoreNames.contains('state')) { o.result.close(); return res({}); }
    const g = o.result.transaction('state').objectStore('state').get('sync');
    g.onsuccess = () => { o.result.close(); res({ active: g.result?.activeVersion, error: g.result?.lastError }); }; };
  o.onerror = () => res({}); })`;

export async function benchFilmSync(mb = Number(process.env.FILM_MB) || 300): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-film-'));
  let browser: Browser | undefined;
  let closeContext: (() => Promise<void>) | undefined;
  const site = await filmSite(dir);
  const version = swapInBigFilm(site, mb * MB);
  const server = await serveStatic(site);
  try {
    // A profile on disk, as a screen has (an incognito context keeps Cache Storage in memory,
    // where a 300 MB film does not fit: Cache.put fails with "Unexpected internal error").
    const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS, viewport: { width: 960, height: 540 },
    });
    browser = context.browser() ?? undefined;
    closeContext = () => context.close();
    const page = context.pages()[0] ?? (await context.newPage());
    // The browser process: the one on this profile without a --type.
    const pid = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n')
      .map((l) => l.trim()).filter((l) => l.includes(join(dir, 'profile')) && !l.includes('--type='))
      .map((l) => Number(l.split(/\s+/)[0]))[0];
    const started = performance.now();
    await page.goto(`${server.url}?screen=gate`);
    const before = pid ? rss(pid) : undefined;
    let peak = { total: 0, largest: 0, kind: '' };
    let done = false;
    let state: { active?: string; error?: { code: string; detail: string } } = {};
    for (let i = 0; i < 3000 && !done; i++) {
      if (pid) {
        const now = rss(pid);
        peak = { total: Math.max(peak.total, now.total), largest: Math.max(peak.largest, now.largest), kind: now.largest >= peak.largest ? now.kind : peak.kind };
      }
      state = (await page.evaluate(syncState)) as typeof state;
      done = state.active === version;
      if (process.env.FILM_VERBOSE && i % 25 === 0) console.log(`  … ${(i / 5).toFixed(0)} s: ${JSON.stringify(state)}`);
      if (!done) await new Promise((r) => setTimeout(r, 200));
    }
    const s = (performance.now() - started) / 1000;
    if (!done) console.log(`  ${mb} MB film: NOT committed after ${s.toFixed(0)} s (last sync error: ${JSON.stringify(state.error)})`);
    else {
      console.log(`  ${mb} MB film (random bytes, one request, loopback): committed ${s.toFixed(1)} s after the page started (${(mb / s).toFixed(0)} MB/s: download, sha256 in the worker, parts and the whole in Cache Storage)`);
      if (before) {
        console.log(`  Chromium resident memory (summed over its processes, shared pages counted in each): ${(before.total / MB).toFixed(0)} MB at the start, ` +
          `peak ${(peak.total / MB).toFixed(0)} MB (+${((peak.total - before.total) / MB).toFixed(0)} MB); the largest process: ${(before.largest / MB).toFixed(0)} MB, ` +
          `peak ${(peak.largest / MB).toFixed(0)} MB (${peak.kind}) (+${((peak.largest - before.largest) / MB).toFixed(0)} MB), for a ${mb} MB film`);
      }
    }
  } finally {
    await closeContext?.();
    await browser?.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchFilmSoak(changes = Number(process.env.FILM_SLIDES) || 1000, realMs = Number(process.env.FILM_REAL_MS ?? 100)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-film-soak-'));
  const site = await filmSite(dir);
  const server = await serveStatic(site);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 960, height: 540 }, serviceWorkers: 'block' });
    await page.clock.install({ time: new Date(START) });
    await page.addInitScript(() => {
      const w = window as unknown as { changes: number; made: number };
      [w.changes, w.made] = [0, 0];
      addEventListener('kiosk-slide-change', () => w.changes++, true);
      const create = Document.prototype.createElement;
      Document.prototype.createElement = function (this: Document, tag: string, o?: ElementCreationOptions) {
        if (tag.toLowerCase() === 'video') w.made++;
        return create.call(this, tag, o);
      } as typeof Document.prototype.createElement;
    });
    const cdp = await page.context().newCDPSession(page);
    const players = await mediaPlayers(cdp);
    await page.goto(`${server.url}?screen=gate`);
    await page.waitForFunction(() => document.querySelector('kiosk-app')?.getAttribute('data-item'), undefined, { timeout: 30_000 });
    const read = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      const dom = await cdp.send('Memory.getDOMCounters');
      const p = await page.evaluate(() => {
        const w = window as unknown as { changes: number; made: number };
        return { changes: w.changes, made: w.made, onPage: document.querySelectorAll('video').length };
      });
      return { ...p, heap, nodes: dom.nodes, listeners: dom.jsEventListeners, media: players() };
    };
    const started = performance.now();
    const readings: Awaited<ReturnType<typeof read>>[] = [];
    for (let next = 100; ;) {
      const c = await page.evaluate(() => (window as unknown as { changes: number }).changes);
      if (c >= next) {
        const r = await read();
        readings.push(r);
        if (readings.length === 1 || r.changes >= changes) {
          console.log(`  ${String(r.changes).padStart(5)} film slide changes: heap ${(r.heap / MB).toFixed(2)} MB, ${r.nodes} DOM nodes, ${r.listeners} listeners, <video> made ${r.made}, on the page ${r.onPage}; ` +
            `media players made ${r.media.made}, alive ${r.media.alive}, with a video decoder ${r.media.decoders}`);
        }
        if (r.changes >= changes) break;
        next += 100;
      }
      // One slide (4 s) at a time: the film player attaches and preloads between boundaries;
      // a moment of real time lets the films decode and play (media runs on real time).
      await page.clock.runFor(4_000);
      if (realMs > 0) await new Promise((r) => setTimeout(r, realMs));
    }
    const [a, b] = [readings[0]!, readings.at(-1)!];
    console.log(`  growth from ${a.changes} to ${b.changes}: heap ${((b.heap - a.heap) / MB).toFixed(2)} MB, nodes ${b.nodes - a.nodes}, listeners ${b.listeners - a.listeners}, ` +
      `<video> made ${b.made - a.made}, media players alive ${b.media.alive - a.media.alive}, decoders alive ${b.media.decoders - a.media.decoders} ` +
      `(most alive at a reading: ${Math.max(...readings.map((r) => r.media.alive))} players, ${Math.max(...readings.map((r) => r.media.decoders))} decoders; ${((performance.now() - started) / 1000).toFixed(0)} s real time)`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchFilms(): Promise<void> {
  if (!existsSync('dist/index.html')) {
    console.log('films: skipped (run `npm run build` first)');
    return;
  }
  console.log('films: sync of a large film in Chromium (the service worker, real Cache Storage)');
  await benchFilmSync();
  console.log('films: slide changes with films, fake clock (goal: flat heap, at most two <video> elements)');
  await benchFilmSoak();
}
