/**
 * Storage lost behind the app's back, in Chromium: what a browser's "clear" or an eviction does.
 * Each case starts a fresh kiosk, takes something away, and checks that a slide stays on air
 * with no broken picture, and that the screen is whole again once the network is there.
 *  - all of Cache Storage (the app shell's precache and the content cache) while IndexedDB stays:
 *    an offline reload still starts (the shell's copy in IndexedDB), and the precache is refilled;
 *  - the content cache alone, offline: pictures that cannot load are left out, then put back;
 *  - the content database while Cache Storage stays: the glass plays on, and sync refills it;
 *  - a disk too small for the app from the first start: it plays from the network, and moves
 *    onto its service worker once space comes back.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserOnDist, STILL } from './harness.ts';
import { activeSet, activeVersion, waitForController } from './page-state.ts';

const START = Date.parse('2026-10-18T09:00:00+08:00');
const env = browserOnDist();

const onAir = (page: Page) => page.locator('kiosk-app').getAttribute('data-item');

/** Pictures on the glass that are broken (in the DOM but not loaded). */
const brokenPictures = (page: Page) => page.evaluate(() => [...document.querySelectorAll('kiosk-app img')]
  .filter((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth === 0)
  .map((i) => i.getAttribute('src')));

/** Entries of the shell's copy in IndexedDB (0 before the worker made it). */
const shellCopy = (page: Page) => page.evaluate(() => new Promise<number>((resolve) => {
  const open = indexedDB.open('science-window-shell');
  open.onupgradeneeded = () => open.transaction?.abort();
  open.onerror = () => resolve(0);
  open.onsuccess = () => {
    const db = open.result;
    const count = db.transaction('files').objectStore('files').count();
    count.onsuccess = () => { db.close(); resolve(count.result); };
  };
}));

/** Requests in the precache cache (0 when it is gone). */
const precached = (page: Page) => page.evaluate(async () => {
  const name = (await caches.keys()).find((k) => k.includes('precache'));
  return name ? (await (await caches.open(name)).keys()).length : 0;
});

async function kiosk(): Promise<{ context: BrowserContext; page: Page; version: string }> {
  const context = await env.browser.newContext({ viewport: { width: 960, height: 540 }, ...STILL });
  const page = await context.newPage();
  await page.clock.install({ time: new Date(START) });
  await page.goto(`${env.server.url}?screen=lvyuan-gate`);
  await waitForController(page);
  await expect.poll(() => activeVersion(page), { timeout: 20_000 }).toBeDefined();
  await expect.poll(() => onAir(page), { timeout: 20_000 }).not.toBeNull();
  return { context, page, version: (await activeVersion(page))! };
}

/** Back online: the page's `online` run comes within 30 s (fake time), and the set is whole. */
async function healsOnline(context: BrowserContext, page: Page, version: string): Promise<void> {
  await context.setOffline(false);
  await page.clock.runFor(31_000);
  await expect.poll(async () => (await activeSet(page, `${env.server.url}content/`)).missing, { timeout: 30_000 }).toEqual([]);
  expect(await activeVersion(page)).toBe(version);
}

describe('storage lost behind the app\'s back', () => {
  it('all of Cache Storage: an offline reload starts from the shell\'s copy, plays, and the precache is refilled', async () => {
    const { context, page, version } = await kiosk();
    try {
      await expect.poll(() => shellCopy(page), { timeout: 20_000 }).toBeGreaterThan(3);
      const files = await precached(page);
      await page.evaluate(async () => { for (const k of await caches.keys()) await caches.delete(k); });
      expect(await precached(page)).toBe(0);
      await context.setOffline(true);
      await page.reload();
      await expect.poll(() => onAir(page), { timeout: 20_000 }).not.toBeNull();
      await expect.poll(() => brokenPictures(page), { timeout: 10_000 }).toEqual([]);
      await expect.poll(() => precached(page), { timeout: 20_000 }).toBe(files);
      // The same again at the bare start URL (a box back from a power cut, its screen remembered).
      await page.evaluate(async () => { for (const k of await caches.keys()) await caches.delete(k); });
      await page.goto(env.server.url);
      await expect.poll(() => onAir(page), { timeout: 20_000 }).not.toBeNull();
      await healsOnline(context, page, version);
    } finally {
      await context.close();
    }
  });

  it('the content cache alone, offline: no broken picture on air; back online the pictures are put back', async () => {
    const { context, page, version } = await kiosk();
    try {
      await context.setOffline(true);
      await page.evaluate(() => caches.delete('science-window-content'));
      // A minute of slides, each a new layer with its pictures asked again.
      for (let i = 0; i < 6; i++) {
        await page.clock.runFor(10_000);
        await expect.poll(() => brokenPictures(page), { timeout: 10_000 }).toEqual([]);
        expect(await onAir(page)).not.toBeNull();
      }
      await healsOnline(context, page, version);
    } finally {
      await context.close();
    }
  });

  it('the content database while Cache Storage stays: the glass plays on and sync fills it again', async () => {
    const { context, page, version } = await kiosk();
    try {
      await page.evaluate(() => new Promise<void>((resolve, reject) => {
        const del = indexedDB.deleteDatabase('science-window');
        del.onsuccess = () => resolve();
        del.onerror = () => reject(del.error);
      }));
      expect(await activeVersion(page)).toBeUndefined();
      await page.clock.runFor(10_000);
      expect(await onAir(page)).not.toBeNull();
      await healsOnline(context, page, version);
    } finally {
      await context.close();
    }
  });

  it('a disk too small for the app from the first start: plays from the network, installs when space comes back', async () => {
    const context = await env.browser.newContext({ viewport: { width: 960, height: 540 }, ...STILL });
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const origin = new URL(env.server.url).origin;
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 64 * 1024 });
      await page.clock.install({ time: new Date(START) });
      await page.goto(`${env.server.url}?screen=lvyuan-gate`);
      // The install fails (the shell does not fit). The page asks the worker for frames; each
      // ask times out after 30 s (page time) and the next waits 30 s and a minute's turn; after
      // the second the page says so and plays from the network.
      let fellBack = false;
      page.on('console', (m) => { if (m.text().includes('playing from the network')) fellBack = true; });
      await expect.poll(() => page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return !reg?.installing && !reg?.waiting && !reg?.active;
      }), { timeout: 20_000 }).toBe(true);
      for (let i = 0; i < 10 && !fellBack; i++) await page.clock.runFor(30_000);
      expect(fellBack, 'the page played from the network').toBe(true);
      await expect.poll(() => onAir(page), { timeout: 20_000 }).not.toBeNull();
      expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
      await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));
      // Space comes back; the next try (within 30–60 s, page time) installs the worker.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await page.clock.runFor(61_000);
      await expect.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active), { timeout: 30_000 }).toBe(true);
      // It reloads onto the worker at the next slide change, and plays from it.
      const marked = () => page.evaluate(() => (window as unknown as { marker?: boolean }).marker ?? false).catch(() => false);
      for (let i = 0; i < 120 && (await marked()); i++) await page.clock.runFor(1_000);
      await expect.poll(marked, { timeout: 20_000 }).toBe(false);
      await page.waitForLoadState();
      await waitForController(page);
      await expect.poll(() => onAir(page), { timeout: 20_000 }).not.toBeNull();
      await expect.poll(() => activeVersion(page), { timeout: 30_000 }).toBeDefined();
    } finally {
      await context.close();
    }
  });
});
