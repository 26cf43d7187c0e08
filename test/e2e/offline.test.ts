/**
 * Offline-first, end to end, on a copy of the built site served by the project's server. Each
 * test has its own site, content and browser context, loaded online until the first sync:
 *  1. go offline, reload: the same content plays;
 *  2. one item changed and the content rebuilt while the kiosk runs: the change arrives with
 *     the next planned sync, without a reload, and only the changed files move;
 *  3. offline with the clock moved a week ahead: the kiosk keeps playing.
 * The page's clock is paused once the kiosk plays: it moves only when a test moves it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compileContent } from '../../tools/lib/compile.ts';
import type { RunningServer } from '../../tools/lib/static-server.ts';
import { launch, serveDist, STILL } from './harness.ts';
import { activeVersion, firstSyncDone, runPlannedSync, waitForController } from './page-state.ts';

const START = Date.parse('2026-10-18T09:00:00+08:00');
const INTERVAL_S = 10;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Kiosk {
  tmp: string;
  content: string;
  server: RunningServer;
  context: BrowserContext;
  page: Page;
  /** The version published at the start, active after the first sync. */
  first: string;
  publish(now: number): Promise<string>;
}

const open: Kiosk[] = [];
afterEach(async () => {
  for (const k of open.splice(0)) {
    await k.context.close();
    await k.server.close();
    rmSync(k.tmp, { recursive: true, force: true });
  }
});

/** A site of its own (the built app, the sample content with a short interval), and a kiosk on it, synced once. */
async function kiosk(): Promise<Kiosk> {
  const tmp = mkdtempSync(join(tmpdir(), 'sw-offline-'));
  const site = join(tmp, 'site');
  const content = join(tmp, 'content');
  cpSync('dist', site, { recursive: true });
  rmSync(join(site, 'content'), { recursive: true, force: true });
  cpSync('content', content, { recursive: true });
  const settings = JSON.parse(readFileSync(join(content, 'settings.json'), 'utf8'));
  writeFileSync(join(content, 'settings.json'), JSON.stringify({ ...settings, syncInterval: INTERVAL_S }));
  const publish = async (now: number) => {
    const r = await compileContent({ contentDir: content, outDir: join(site, 'content'), now, calendarYears: [2026, 2027] });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.manifest!.version;
  };
  const first = await publish(START);
  const server = await serveDist(site);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, ...STILL });
  const k: Kiosk = { tmp, content, server, context, page: await context.newPage(), first, publish };
  open.push(k);
  await k.page.clock.install({ time: new Date(START) });
  await k.page.goto(`${server.url}?screen=lvyuan-gate`);
  await expect.poll(() => onAir(k.page), { timeout: 20_000 }).not.toBeNull();
  await waitForController(k.page);
  await k.page.clock.pauseAt(await k.page.evaluate(() => Date.now() + 1_000));
  await firstSyncDone(k.page);
  expect(await activeVersion(k.page)).toBe(first);
  return k;
}

const onAir = (page: Page) => page.locator('kiosk-app').getAttribute('data-item');

describe('offline-first e2e', () => {
  it('plays the same content after going offline and reloading', async () => {
    const { page, context, server, first } = await kiosk();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    await context.setOffline(true);
    const before = server.stats.requests.length;
    await page.reload();
    await expect.poll(() => onAir(page), { timeout: 20_000 }).not.toBeNull();
    expect(await activeVersion(page)).toBe(first);
    // The corner mark says so, calmly, with the version it plays, once the first sync has failed.
    const mark = await firstSyncDone(page);
    expect(mark.state).toBe('offline');
    expect(mark.version).toBe(first);
    expect(await page.locator('kiosk-status').evaluate((el) => el.textContent)).toContain('離線播放');
    expect(server.stats.requests.length, 'nothing reached the server while offline').toBe(before);
  });

  it('picks up a changed item with the next planned sync, without a reload, moving only the changed files', async () => {
    const { page, content, server, first, publish } = await kiosk();
    const item = join(content, 'items/health/autumn/chongyang-walk.json');
    writeFileSync(item, readFileSync(item, 'utf8').replace('重陽登高 量力而行', '重陽登高 結伴而行'));
    const second = await publish(START + 1000);
    expect(second).not.toBe(first);
    const marker = await page.evaluate(() => ((window as unknown as { marker: number }).marker = Math.random()));
    const before = server.stats.requests.length;

    const mark = await runPlannedSync(page);
    expect(mark.state).toBe('idle');
    expect(await activeVersion(page)).toBe(second);
    await expect.poll(() => page.locator('kiosk-status').getAttribute('data-version'), { timeout: 10_000 }).toBe(second);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 'no reload').toBe(marker);

    const moved = server.stats.requests.slice(before).filter((r) => r.url.includes('/content/'));
    const bodies = moved.filter((r) => r.status === 200).map((r) => r.url.replace(/^.*\/content\//, ''));
    // The root, the one page that lists the item, and the item.
    expect(bodies.filter((u) => u !== 'manifest.json').sort()).toEqual([
      expect.stringMatching(/^items\/[0-9a-f]{64}\.json$/), expect.stringMatching(/^pages\/[0-9a-f]{64}\.json$/),
    ]);
  });

  it('keeps playing offline with the clock a week ahead', async () => {
    const { page, context, first } = await kiosk();
    await context.setOffline(true);
    await page.clock.fastForward(7 * 24 * 3600 * 1000);
    const mark = await runPlannedSync(page);
    expect(mark.state).toBe('offline');
    await page.clock.runFor(60_000);
    expect(await onAir(page)).not.toBeNull();
    expect(await page.locator('kiosk-app').getAttribute('data-state')).toBe('on');
    await page.reload();
    await expect.poll(() => onAir(page), { timeout: 20_000 }).not.toBeNull();
    expect(await activeVersion(page)).toBe(first);
  });
});
