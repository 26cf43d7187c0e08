/**
 * Offline-first, end to end, on a copy of the built site served by the project's server:
 *  1. load online, go offline, reload: the same content plays;
 *  2. back online, one item changed and the content rebuilt while the kiosk runs: the change
 *     arrives within one sync interval, without a reload, and only the changed files move;
 *  3. offline again with the clock moved a week ahead: the kiosk keeps playing.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContent } from '../../tools/lib/compile.ts';
import type { RunningServer } from '../../tools/lib/static-server.ts';
import { launch, serveDist } from './harness.ts';
import { activeVersion, waitForController } from './page-state.ts';

const START = Date.parse('2026-10-18T09:00:00+08:00');
const INTERVAL_S = 10;
const tmp = mkdtempSync(join(tmpdir(), 'sw-offline-'));
const site = join(tmp, 'site');
const content = join(tmp, 'content');

let browser: Browser;
let server: RunningServer;
let context: BrowserContext;
let page: Page;

async function publish(now: number): Promise<string> {
  const r = await compileContent({ contentDir: content, outDir: join(site, 'content'), now, calendarYears: [2026, 2027] });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.manifest!.version;
}

beforeAll(async () => {
  cpSync('dist', site, { recursive: true });
  rmSync(join(site, 'content'), { recursive: true, force: true });
  cpSync('content', content, { recursive: true });
  const settings = JSON.parse(readFileSync(join(content, 'settings.json'), 'utf8'));
  writeFileSync(join(content, 'settings.json'), JSON.stringify({ ...settings, syncInterval: INTERVAL_S }));
  await publish(START);
  [browser, server] = await Promise.all([launch(), serveDist(site)]);
  context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  page = await context.newPage();
  await page.clock.install({ time: new Date(START) });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const onAir = () => page.locator('kiosk-app').getAttribute('data-item');

describe('offline-first e2e', () => {
  let first: string;

  it('plays the same content after going offline and reloading', async () => {
    await page.goto(`${server.url}?screen=lvyuan-gate`);
    await expect.poll(onAir, { timeout: 20_000 }).not.toBeNull();
    await waitForController(page);
    first = (await activeVersion(page))!;
    expect(first).toMatch(/^[0-9a-f]{64}$/);

    await context.setOffline(true);
    const before = server.stats.requests.length;
    await page.reload();
    await expect.poll(onAir, { timeout: 20_000 }).not.toBeNull();
    expect(await activeVersion(page)).toBe(first);
    expect(server.stats.requests.length, 'nothing reached the server while offline').toBe(before);
    // The corner mark says so, calmly, with the version it plays.
    const mark = page.locator('kiosk-status');
    await expect.poll(() => mark.getAttribute('data-sync-state'), { timeout: 10_000 }).toBe('offline');
    expect(await mark.getAttribute('data-version')).toBe(first);
    expect(await mark.evaluate((el) => el.textContent)).toContain('離線播放');
    await context.setOffline(false);
  });

  it('picks up a changed item within one interval, without a reload, moving only the changed files', async () => {
    const item = join(content, 'items/health/autumn/chongyang-walk.json');
    writeFileSync(item, readFileSync(item, 'utf8').replace('重陽登高 量力而行', '重陽登高 結伴而行'));
    const second = await publish(START + 1000);
    expect(second).not.toBe(first);
    const marker = await page.evaluate(() => ((window as unknown as { marker: number }).marker = Math.random()));
    const before = server.stats.requests.length;

    // One interval (plus the back-off jitter of a first failure, if any): the scheduler's timer fires.
    await page.clock.runFor((INTERVAL_S + 1) * 1000);
    await expect.poll(() => activeVersion(page), { timeout: 20_000 }).toBe(second);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 'no reload').toBe(marker);

    const moved = server.stats.requests.slice(before).filter((r) => r.url.includes('/content/'));
    const bodies = moved.filter((r) => r.status === 200).map((r) => r.url.replace(/^.*\/content\//, ''));
    expect(bodies.filter((u) => u !== 'manifest.json')).toHaveLength(1);
    expect(bodies.filter((u) => u !== 'manifest.json')[0]).toMatch(/^items\/[0-9a-f]{64}\.json$/);
  });

  it('keeps playing offline with the clock a week ahead', async () => {
    await context.setOffline(true);
    await page.clock.fastForward(7 * 24 * 3600 * 1000);
    await page.clock.runFor(60_000);
    await expect.poll(onAir, { timeout: 10_000 }).not.toBeNull();
    expect(await page.locator('kiosk-app').getAttribute('data-state')).toBe('on');
    await page.reload();
    await expect.poll(onAir, { timeout: 20_000 }).not.toBeNull();
  });
});
