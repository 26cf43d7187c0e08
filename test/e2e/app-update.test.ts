/**
 * App updates: a new service worker, published while the kiosk runs, is found after a sync
 * (a kiosk never navigates, so the page asks at most hourly), waits through the slide on air,
 * and takes over at the next slide boundary with a reload; the kiosk lands on the slide (no
 * loading page, no fade from black) and plays on.
 *
 * The page's clock is paused: fake time moves only when the test moves it, and only once the
 * page is quiet (a sync finished and the next planned; the new worker installed; the takeover
 * done), so nothing here races the service worker's real work.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPDATE_CHECK_MS } from '../../src/bridge/app-update.ts';
import { compileContent } from '../../tools/lib/compile.ts';
import { type RunningServer, serveStatic } from '../../tools/lib/static-server.ts';
import { launch } from './harness.ts';
import { firstSyncDone, runPlannedSync, waitForController } from './page-state.ts';

const START = Date.parse('2026-10-18T09:00:00+08:00');
/** Ten minutes between syncs: an hour is six or seven of them. */
const INTERVAL_S = 600;
/** Fake time per step while waiting for the slide boundary. */
const STEP_MS = 250;
const dir = mkdtempSync(join(tmpdir(), 'sw-update-'));
const site = join(dir, 'site');
let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  cpSync('dist', site, { recursive: true });
  rmSync(join(site, 'content'), { recursive: true, force: true });
  cpSync('content', join(dir, 'content'), { recursive: true });
  const settingsFile = join(dir, 'content/settings.json');
  writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(readFileSync(settingsFile, 'utf8')), syncInterval: INTERVAL_S }));
  const r = await compileContent({ contentDir: join(dir, 'content'), outDir: join(site, 'content'), now: START, calendarYears: [2026, 2027] });
  expect(r.ok).toBe(true);
  [browser, server] = await Promise.all([launch(), serveStatic(site)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Record {
  /** Slide changes since the new worker took control. */
  changesAfterTakeover: number;
  /** Page time from the last slide change to the unload. */
  gap: number;
}

describe('app update', () => {
  it('activates a new service worker at a slide boundary, never mid-slide', async () => {
    const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await page.clock.install({ time: new Date(START) });
    // What the page did, kept across the reload: slide changes, the takeover, the unload.
    await page.addInitScript(() => {
      const s = sessionStorage;
      addEventListener('kiosk-slide-change', () => {
        s.setItem('slideAt', String(Date.now()));
        s.setItem('changes', String(Number(s.getItem('changes') ?? 0) + 1));
      }, true);
      navigator.serviceWorker?.addEventListener('controllerchange', () => s.setItem('takeoverAt', s.getItem('changes') ?? '0'));
      // On the page after the reload: every state <kiosk-app> shows, from its first render, and
      // whether its first slide fades in (from black) or stands still.
      if (s.getItem('record')) {
        const seen: string[] = [];
        new MutationObserver(() => {
          const app = document.querySelector('kiosk-app');
          const state = app?.getAttribute('data-state');
          if (state && seen.at(-1) !== state) seen.push(state);
          const layer = app?.querySelector('.layer.top');
          if (layer && s.getItem('firstLayer') === null) s.setItem('firstLayer', getComputedStyle(layer).animationName);
          s.setItem('statesAfterReload', JSON.stringify(seen));
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'class'] });
      }
      addEventListener('pagehide', () => {
        if (s.getItem('takeoverAt') === null || s.getItem('record')) return;
        s.setItem('record', JSON.stringify({
          changesAfterTakeover: Number(s.getItem('changes') ?? 0) - Number(s.getItem('takeoverAt')),
          gap: Date.now() - Number(s.getItem('slideAt')),
        }));
      });
    });
    await page.goto(`${server.url}?screen=lvyuan-gate`);
    await expect.poll(() => page.locator('kiosk-app').getAttribute('data-item'), { timeout: 20_000 }).not.toBeNull();
    await waitForController(page);
    // The first controller came with the first install, not an update: start counting from here.
    await page.evaluate(() => sessionStorage.clear());
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
    const first = await firstSyncDone(page);
    expect(first.state).toBe('idle');
    const synced = await page.evaluate(() => Date.now());
    await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));

    appendFileSync(join(site, 'sw.js'), '\n// a new release\n');
    const sw = () => server.stats.requests.filter((r) => r.url === '/sw.js').length;
    const before = sw();
    // Syncs one after the other, each run to its end: none asks for the worker within the hour…
    let mark = first;
    let syncs = 0;
    while (mark.nextAttempt! < synced + UPDATE_CHECK_MS) {
      mark = await runPlannedSync(page);
      syncs++;
      expect(mark.state, `sync ${syncs}`).toBe('idle');
      expect(sw(), `sync ${syncs}, within the hour: no update check`).toBe(before);
    }
    expect(syncs).toBeGreaterThanOrEqual(4);
    // …the first one past the hour does.
    mark = await runPlannedSync(page);
    expect(mark.state).toBe('idle');
    await expect.poll(sw, { message: 'the page asked for the worker again after an hour of syncs', timeout: 20_000 }).toBeGreaterThan(before);

    // The new worker installs (real time; the page's clock stands still) and waits. Workbox
    // tells the page 200 ms (page time) after "installed"; the page then lets it take over.
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state), { timeout: 20_000 }).toBe('installed');
    await page.clock.runFor(STEP_MS);
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem('takeoverAt')), { timeout: 20_000 }).not.toBeNull();
    // Taken over, mid-slide: the page does not reload yet.
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);

    // Fake time in small steps up to the next slide change; then no more, and the reload comes.
    const changes = () => page.evaluate(() => Number(sessionStorage.getItem('changes') ?? 0) - Number(sessionStorage.getItem('takeoverAt')))
      .catch(() => 1); // the page is already unloading
    for (let i = 0; i < 400 && (await changes()) === 0; i++) await page.clock.runFor(STEP_MS);
    const recorded = async () => page.evaluate(() => sessionStorage.getItem('record')).catch(() => null);
    await expect.poll(recorded, { message: 'the page reloaded', timeout: 20_000 }).not.toBeNull();
    await page.waitForLoadState();
    await expect.poll(() => page.locator('kiosk-app').getAttribute('data-item'), { timeout: 20_000 }).not.toBeNull();
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBeUndefined();
    // It landed on the slide: never the loading page, and the first slide does not fade in from black.
    expect(JSON.parse((await page.evaluate(() => sessionStorage.getItem('statesAfterReload')))!)).toEqual(['on']);
    expect(await page.evaluate(() => sessionStorage.getItem('firstLayer'))).toBe('none');
    // The reload came with the first slide change after the takeover, within the step it fell in.
    const record = JSON.parse((await recorded())!) as Record;
    expect(record.changesAfterTakeover).toBe(1);
    expect(record.gap).toBeGreaterThanOrEqual(0);
    expect(record.gap).toBeLessThanOrEqual(STEP_MS);
    // It plays on the new worker: in control, none waiting.
    expect(await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return [!!navigator.serviceWorker.controller, !!reg?.waiting];
    })).toEqual([true, false]);
    await page.close();
  });
});
