/**
 * Films end to end, in Debian's Chromium (it plays both H.264/AAC MP4 and VP9/Opus WebM: film A
 * is WebM, film B MP4). Each test has its own site (test/e2e/film-site.ts: two films, their
 * posters and a picture slide) and browser context. The page's clock is Playwright's, paused
 * once the kiosk plays: slide boundaries come only when the test moves it; the films play in
 * real time, and the test waits for what they show (expect.poll), never for a time.
 *  1. offline after a reload, through the boundaries: every sampled frame of the film's box
 *     (screenshots through each crossfade) is at least as bright as 3/4 of the darkest poster
 *     (the slides are dark: a black frame, or the slide showing through, fails), each film
 *     is ready (its frame decoded) at the boundary it goes on air, presents frames
 *     (requestVideoFrameCallback), and never more than two <video> elements are made;
 *     then a seek, answered by the service worker with 206 and the right bytes;
 *  2. a film truncated, then changed, on the server never plays: the previous set stays on
 *     the glass; once the server is right, the new film plays.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/content/manifest.ts';
import type { FaultSite } from './fault-site.ts';
import { changeFilmA, filmSite } from './film-site.ts';
import { launch } from './harness.ts';
import { activeVersion, firstSyncDone, lastErrorCode, runPlannedSync, waitForController } from './page-state.ts';

const START = Date.parse('2026-10-18T09:00:00+08:00');

let browser: Browser;
/** A page of its own (never offline) that measures screenshots. */
let meter: Page;
beforeAll(async () => {
  browser = await launch();
  meter = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

const open: { site: FaultSite; context: BrowserContext }[] = [];
afterEach(async () => {
  for (const k of open.splice(0)) {
    await k.context.close();
    await k.site.close();
  }
});

/** Mean luminance (0–255, Rec. 601) of a PNG, decoded by the browser. */
async function luminance(png: Buffer): Promise<number> {
  return meter.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, img.height).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
    return sum / (d.length / 4);
  }, png.toString('base64'));
}

/**
 * In the page: counts the frames each film presents (requestVideoFrameCallback), by its src,
 * and notes, at each slide change (the boundary itself), the src and readyState of every
 * <video> the page made, on glass or not.
 */
function watchFilms(): void {
  const w = window as unknown as { __frames: Record<string, number>; __videos: HTMLVideoElement[]; __boundaries: Boundary[] };
  w.__frames = {};
  w.__videos = [];
  w.__boundaries = [];
  const create = Document.prototype.createElement;
  Document.prototype.createElement = function (this: Document, tag: string, options?: ElementCreationOptions) {
    const el = create.call(this, tag, options);
    if (tag.toLowerCase() === 'video') w.__videos.push(el as HTMLVideoElement);
    return el;
  } as typeof Document.prototype.createElement;
  document.addEventListener('kiosk-slide-change', (e) => {
    const videos = w.__videos.map((v) => ({ src: v.getAttribute('src') ?? '', ready: v.readyState }));
    w.__boundaries.push({ item: (e as CustomEvent<{ item: string }>).detail.item, videos });
  }, true);
  const play = HTMLVideoElement.prototype.play;
  HTMLVideoElement.prototype.play = function (this: HTMLVideoElement) {
    const v = this;
    const tick = () => {
      const src = v.getAttribute('src') ?? '';
      w.__frames[src] = (w.__frames[src] ?? 0) + 1;
      v.requestVideoFrameCallback(tick);
    };
    if (!(v as unknown as { __counted?: boolean }).__counted) {
      (v as unknown as { __counted: boolean }).__counted = true;
      v.requestVideoFrameCallback(tick);
    }
    return play.call(v);
  };
}

interface Boundary {
  item: string;
  videos: { src: string; ready: number }[];
}

interface Kiosk {
  site: FaultSite;
  context: BrowserContext;
  page: Page;
  first: Manifest;
}

async function kiosk(): Promise<Kiosk> {
  const site = await filmSite().start();
  const first = await site.publish([2026, 2027]);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  open.push({ site, context });
  await context.addInitScript(watchFilms);
  const page = await context.newPage();
  await page.clock.install({ time: new Date(START) });
  await page.goto(`${site.url}?screen=gate`);
  await expect.poll(() => onAir(page), { timeout: 20_000 }).not.toBeNull();
  await waitForController(page);
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
  await firstSyncDone(page);
  expect(await activeVersion(page)).toBe(first.version);
  return { site, context, page, first };
}

const onAir = (page: Page) => page.locator('kiosk-app').getAttribute('data-item');

/** The film on the slide on air, as the page sees it. */
const topFilm = (page: Page) => page.evaluate(() => {
  const v = document.querySelector<HTMLVideoElement>('kiosk-app > .layer.top video');
  return v && { src: v.getAttribute('src') ?? '', time: v.currentTime, ready: v.readyState, paused: v.paused, poster: v.poster };
});

/**
 * The box the slide's picture (film or image) is drawn in: its element's box less the bars of
 * `object-fit: contain` (the three are 16:9, in the same place on the three slides), inset a little.
 */
const pictureBox = (page: Page) => page.evaluate(() => {
  const el = document.querySelector<HTMLVideoElement | HTMLImageElement>('kiosk-app > .layer.top :is(video.pic, img.pic)');
  if (!el) return undefined;
  const r = el.getBoundingClientRect();
  const aspect = 16 / 9;
  const [w, h] = r.width / r.height > aspect ? [r.height * aspect, r.height] : [r.width, r.width / aspect];
  const [x, y] = [r.x + (r.width - w) / 2, r.y + (r.height - h) / 2];
  return { x: Math.round(x) + 4, y: Math.round(y) + 4, width: Math.round(w) - 8, height: Math.round(h) - 8 };
});

/** Moves the page's clock to the end of the slide on air (its progress bar says when), plus `extra` ms. */
async function toBoundary(page: Page, extra: number): Promise<void> {
  const end = Number(await page.locator('kiosk-app > .layer.top .bar').getAttribute('data-end'));
  const now = await page.evaluate(() => Date.now());
  await page.clock.runFor(Math.max(0, end - now + extra));
}

/** A film's URL relative to the site, as the manifest names it. */
const filmUrl = (m: Manifest, path: string) => `content/${m.assets.find((a) => a.path === path)!.url}`;
/** …and as the page holds it (absolute). */
const filmSrc = (site: FaultSite, m: Manifest, path: string) => new URL(filmUrl(m, path), site.url).href;

describe('films e2e', () => {
  it('plays two films and a picture offline after a reload, with no frame darker than the posters, and seeks offline', async () => {
    const { site, context, page, first } = await kiosk();
    const posters = await Promise.all(['a.webm.png', 'b.mp4.png', 'pink.png'].map((f) => luminance(readFileSync(join(site.content, 'assets', f)))));
    const floor = 0.75 * Math.min(...posters);
    expect(floor).toBeGreaterThan(100); // the slide behind (about 45) and black (0) are far below

    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => onAir(page), { timeout: 20_000 }).not.toBeNull();
    expect(await activeVersion(page)).toBe(first.version);

    const seen = new Set<string>();
    const samples: number[] = [];
    let box: Awaited<ReturnType<typeof pictureBox>>;
    for (let boundary = 0; boundary < 7; boundary++) {
      const id = (await onAir(page))!;
      seen.add(id);
      if (id !== 'films/c') {
        // The film plays on its slide: frames go by (real time), from its own URL.
        await expect.poll(async () => (await topFilm(page))?.time ?? 0, { timeout: 15_000 }).toBeGreaterThan(0.5);
        expect((await topFilm(page))!.src).toBe(filmSrc(site, first, id === 'films/a' ? 'assets/a.webm' : 'assets/b.mp4'));
      }
      box ??= await pictureBox(page);
      samples.push(await luminance(await page.screenshot({ clip: box! })));
      // Through the boundary and the crossfade that follows it (0.6 s of real time).
      await toBoundary(page, 10);
      for (let k = 0; k < 6; k++) samples.push(await luminance(await page.screenshot({ clip: box! })));
      await page.waitForFunction(() => document.querySelectorAll('kiosk-app > .layer').length === 1);
      samples.push(await luminance(await page.screenshot({ clip: box! })));
    }
    expect([...seen].sort()).toEqual(['films/a', 'films/b', 'films/c']);
    expect(Math.min(...samples), `samples ${samples.map(Math.round).join(' ')}; posters ${posters.map(Math.round).join(' ')}`).toBeGreaterThanOrEqual(floor);

    // Each film was ready (its current frame decoded) at the very boundary it went on air,
    // but the first one after the reload, which loaded the film player.
    const boundaries = await page.evaluate(() => (window as unknown as { __boundaries: Boundary[] }).__boundaries);
    const films: Record<string, string> = { 'films/a': filmSrc(site, first, 'assets/a.webm'), 'films/b': filmSrc(site, first, 'assets/b.mp4') };
    const incoming = boundaries.slice(1).filter((b) => films[b.item]);
    expect(incoming.length).toBeGreaterThanOrEqual(3);
    for (const b of incoming) expect(b.videos.some((v) => v.src === films[b.item] && v.ready >= 2), `${b.item}: ${JSON.stringify(b.videos)}`).toBe(true);

    const frames = await page.evaluate(() => (window as unknown as { __frames: Record<string, number> }).__frames);
    expect(frames[filmSrc(site, first, 'assets/a.webm')]).toBeGreaterThan(10);
    expect(frames[filmSrc(site, first, 'assets/b.mp4')]).toBeGreaterThan(10);
    expect(await page.evaluate(() => (window as unknown as { __videos: unknown[] }).__videos.length)).toBeLessThanOrEqual(2);

    // A seek, offline: the media stack asks the worker for a range, and gets a 206 from its cache.
    while ((await onAir(page)) !== 'films/b') await toBoundary(page, 10);
    const media: { status: number; fromWorker: boolean }[] = [];
    page.on('response', (r) => {
      if (r.url().includes(filmUrl(first, 'assets/b.mp4'))) media.push({ status: r.status(), fromWorker: r.fromServiceWorker() });
    });
    const seeked = await page.evaluate(async () => {
      const v = document.querySelector<HTMLVideoElement>('kiosk-app > .layer.top video')!;
      v.pause();
      await new Promise((resolve) => {
        v.addEventListener('seeked', resolve, { once: true });
        v.currentTime = 3.2;
      });
      return { time: v.currentTime, ready: v.readyState };
    });
    expect(seeked.time).toBeCloseTo(3.2, 1);
    expect(seeked.ready).toBeGreaterThanOrEqual(2);
    const bytes = readFileSync(join(site.site, filmUrl(first, 'assets/b.mp4')));
    const ranged = await page.evaluate(async (url) => {
      const r = await fetch(url, { headers: { Range: 'bytes=1000-1999' } });
      return { status: r.status, range: r.headers.get('Content-Range'), body: [...new Uint8Array(await r.arrayBuffer())] };
    }, filmUrl(first, 'assets/b.mp4'));
    expect(ranged).toEqual({ status: 206, range: `bytes 1000-1999/${bytes.byteLength}`, body: [...bytes.subarray(1000, 2000)] });
    expect(media.every((m) => m.fromWorker && (m.status === 206 || m.status === 200))).toBe(true);
  });

  it('never plays a film truncated or changed on the server: the previous set stays; the fixed one then plays', async () => {
    const { site, page, first } = await kiosk();
    changeFilmA(site);
    const second = await site.publish([2026, 2027], START + 60_000);
    const path = `/${filmUrl(second, 'assets/a2.webm')}`;
    for (const fault of ['truncate', 'wrong-hash'] as const) {
      site.arm(path, fault);
      const mark = await runPlannedSync(page, 60_000);
      expect(mark.version).toBe(first.version);
      expect(await lastErrorCode(page)).toBe(fault === 'truncate' ? 'network' : 'hash-mismatch');
      expect(await activeVersion(page)).toBe(first.version);
    }
    // Through a whole loop on the old set: film A is the old one, the new one is never on glass.
    for (let i = 0; i < 3; i++) {
      if ((await onAir(page)) === 'films/a') {
        await expect.poll(async () => (await topFilm(page))?.src, { timeout: 15_000 }).toBe(filmSrc(site, first, 'assets/a.webm'));
      }
      await toBoundary(page, 10);
    }
    expect(await page.evaluate((url) => [...document.querySelectorAll('video')].some((v) => v.getAttribute('src') === url), filmSrc(site, second, 'assets/a2.webm'))).toBe(false);

    site.clear();
    expect((await runPlannedSync(page, 60_000)).state).toBe('idle');
    expect(await activeVersion(page)).toBe(second.version);
    // The slide on air keeps the set it was made from: the new one plays from the next boundary.
    await toBoundary(page, 10);
    for (let i = 0; i < 4 && (await onAir(page)) !== 'films/a'; i++) await toBoundary(page, 10);
    expect(await onAir(page)).toBe('films/a');
    await expect.poll(async () => (await topFilm(page))?.src, { timeout: 15_000 }).toBe(filmSrc(site, second, 'assets/a2.webm'));
    await expect.poll(async () => (await topFilm(page))?.time ?? 0, { timeout: 15_000 }).toBeGreaterThan(0.5);
  });
});
