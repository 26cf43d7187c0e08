/**
 * App updates: a new service worker, published while the kiosk runs, is found after a sync
 * (a kiosk never navigates, so the page asks at most hourly), waits through the slide on air,
 * and takes over at the next slide boundary with a reload; the kiosk plays on.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContent } from '../../tools/lib/compile.ts';
import { type RunningServer, serveStatic } from '../../tools/lib/static-server.ts';
import { launch } from './harness.ts';
import { waitForController } from './page-state.ts';

const START = Date.parse('2026-10-18T09:00:00+08:00');
const dir = mkdtempSync(join(tmpdir(), 'sw-update-'));
const site = join(dir, 'site');
let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  cpSync('dist', site, { recursive: true });
  rmSync(join(site, 'content'), { recursive: true, force: true });
  cpSync('content', join(dir, 'content'), { recursive: true });
  const settingsFile = join(dir, 'content/settings.json');
  writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(readFileSync(settingsFile, 'utf8')), syncInterval: 10 }));
  const r = await compileContent({ contentDir: join(dir, 'content'), outDir: join(site, 'content'), now: START, calendarYears: [2026, 2027] });
  expect(r.ok).toBe(true);
  [browser, server] = await Promise.all([launch(), serveStatic(site)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('app update', () => {
  it('activates a new service worker at a slide boundary, never mid-slide', async () => {
    const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await page.clock.install({ time: new Date(START) });
    // Remember when the last slide went on air and when the page unloaded.
    await page.addInitScript(() => {
      addEventListener('kiosk-slide-change', () => sessionStorage.setItem('slideAt', String(Date.now())), true);
      addEventListener('pagehide', () => sessionStorage.setItem('gap', String(Date.now() - Number(sessionStorage.getItem('slideAt')))));
    });
    await page.goto(`${server.url}?screen=lvyuan-gate`);
    await expect.poll(() => page.locator('kiosk-app').getAttribute('data-item'), { timeout: 20_000 }).not.toBeNull();
    await waitForController(page);
    const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));

    appendFileSync(join(site, 'sw.js'), '\n// a new release\n');
    // An hour of syncs: the page then asks the browser to look for a new worker. Steps stay
    // under the engine's 60 s request timeout, so no sync is cut short by the jump in time.
    const sw = () => server.stats.requests.filter((r) => r.url === '/sw.js').length;
    const before = sw();
    for (let i = 0; i < 90 && sw() === before; i++) {
      await page.clock.runFor(50_000);
      await page.waitForTimeout(120);
    }
    expect(sw(), 'the page asked for the worker again after an hour of syncs').toBeGreaterThan(before);
    await page.waitForFunction(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting, undefined, { timeout: 20_000 });

    // Waiting: the slide on air is not cut short by a reload.
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);

    // The next slide change lets the new worker in; the page reloads onto it and plays on.
    // Small steps of fake time, so the gap measured below is the page's, not the test's jump.
    const marked = () => page.evaluate(() => (window as unknown as { marker?: boolean }).marker ?? false).catch(() => true);
    for (let i = 0; i < 300 && (await marked()); i++) {
      await page.clock.runFor(250).catch(() => undefined);
      await page.waitForTimeout(40);
    }
    await expect.poll(marked, { timeout: 20_000 }).toBe(false);
    await expect.poll(() => page.locator('kiosk-app').getAttribute('data-item'), { timeout: 20_000 }).not.toBeNull();
    // The reload followed a slide change closely, rather than landing mid-slide.
    const gap = await page.evaluate(() => Number(sessionStorage.getItem('gap')));
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(2_000);
    expect(firstWorker).toMatch(/sw\.js$/);
    await page.close();
  });
});
