/**
 * Emergencies wake the glass (issue 12, bar: "an emergency alert published at 03:00 (fake
 * clock) is on the glass within one sync interval, and the screen goes back to its night state
 * when the alert expires"), in Chromium with the real service worker and the three feeds of
 * ./feed-site.ts. The gate screen's hours are 06:30–22:00, so at 02:50 it is dark
 * (data-state "off"). At 03:00, page time, an alert with priority "emergency" is published:
 * by the root (the street office), then on the next night by the district, whose delegated
 * scope allows emergencies. The page's next planned sync, at most one sync interval later
 * (settings.syncInterval, ±10% jitter), puts it on the glass; when the page clock passes its
 * `expires` the glass is dark again. A community's emergency (outside its scope) leaves the
 * glass dark. The page's clock moves only when a step moves it; every read waits on the
 * page's attributes or store, never on a sleep.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedSite, playScreens, storedFeeds } from './feed-site.ts';
import { START } from './fault-site.ts';
import { launch, STILL } from './harness.ts';
import { advanceTo, glassState, runNextSync, syncPlanned, waitForController } from './page-state.ts';

const HOURS = { on: '06:30', off: '22:00' };
/** The kiosk opens shortly before the first night's 02:50. */
const OPEN = Date.parse('2026-10-19T02:45:00+08:00');

let site: FeedSite;
let context: BrowserContext;
let page: Page;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  site = await FeedSite.create();
  // The test world's gate screen has no hours (always lit): give it the sample's.
  writeFileSync(join(site.world.content, 'screens/gate.json'), JSON.stringify({
    id: 'gate', name: '綠園社區 東門櫥窗', place: ['xuanwu', 'yingshijie', 'lvyuan'], placeNames: { lvyuan: '綠園社區' },
    tags: ['gate', 'elderly'], orientation: 'landscape', locale: 'zh-Hant', hours: HOURS,
  }));
  await site.publishAll(START);
  await site.start();
  const browser = await launch();
  closeBrowser = () => browser.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...STILL });
  page = await context.newPage();
  // Online, the clock running from 02:45: the worker installs and takes the root and every feed in.
  await page.clock.install({ time: new Date(OPEN) });
  await page.goto(`${site.url}?screen=gate`);
  // This box plays the corridor too, so qingxi syncs beside the gate's feeds.
  await playScreens(page, ['gate', 'corridor']);
  for (const end = Date.now() + 60_000; JSON.stringify(await stored()) !== JSON.stringify(site.versions());) {
    if (Date.now() > end) throw new Error(`the kiosk never took the site's versions in: ${JSON.stringify(await stored())}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await waitForController(page);
  // From here the page's time moves only when a step moves it.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
  await syncPlanned(page);
}, 120_000);

afterAll(async () => {
  await closeBrowser?.();
  await site?.close();
});

/** The stored versions, the root's and each feed's, in the order of site.versions(). */
async function stored(): Promise<Record<string, string | undefined>> {
  const s = await storedFeeds(page);
  return { root: s.root, ...Object.fromEntries(['xuanwu', 'lvyuan', 'qingxi'].map((k) => [k, s.feeds[k]?.version])) };
}

/** The content version of the frames the page holds (the root's and each feed's, joined). */
function framesVersion(): Promise<string | undefined> {
  return page.evaluate(() => (document.querySelector('kiosk-app') as unknown as { frames?: { version(): string | undefined } }).frames?.version());
}

/** The next night after the page's instant: its date and its local times (+08:00). */
async function nextNight(): Promise<{ date: string; at: (hm: string) => number }> {
  const now = await page.evaluate(() => Date.now());
  let date = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  if (Date.parse(`${date}T02:50:00+08:00`) <= now) date = new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { date, at: (hm) => Date.parse(`${date}T${hm}:00+08:00`) };
}

const dark = { state: 'off', item: null, kind: null };

describe('an emergency published at 03:00 wakes the dark glass within one sync interval, until it expires', () => {
  it.each([
    ['the root (street office)', undefined, '04:00'],
    ['the district feed (its scope allows emergencies)', 'xuanwu', '04:30'],
  ] as const)('from %s', async (_, feed, until) => {
    const interval = site.root.settings.syncInterval!;
    const { date, at } = await nextNight();
    await advanceTo(page, at('02:50'));
    await expect.poll(() => glassState(page), { timeout: 20_000 }).toMatchObject(dark);
    await advanceTo(page, at('03:00'));
    expect(await glassState(page)).toMatchObject(dark);

    // 03:00: the alert is published (its build time is the page's instant).
    const slug = `alerts/gas-${date}`;
    const id = feed ? `${feed}:${slug}` : slug;
    const expires = `${date}T${until}:00+08:00`;
    site.world.write(feed, slug, {
      kind: 'alert', title: { 'zh-Hant': '燃氣洩漏 請勿靠近', 'zh-Hans': '燃气泄漏 请勿靠近' },
      summary: '東門外燃氣管線搶修中，請繞行。', priority: 'emergency', expires,
    });
    const published = at('03:00');
    await site.publishAll(published);

    // The page's next planned sync (the clock moved exactly to it, and no further) brings it in and lights the glass.
    const run = await runNextSync(page);
    expect(run.state, 'the run succeeded').toBe('idle');
    expect(run.ranAt - published, 'the next sync is due within one interval (and its ±10% jitter)').toBeLessThanOrEqual(interval * 1_100);
    expect(await stored()).toEqual(site.versions());
    await expect.poll(() => glassState(page), { timeout: 20_000 }).toMatchObject({ state: 'on', kind: 'alert', item: id });
    const lit = await glassState(page);
    expect(lit.now, 'on the glass with the page clock still at that sync').toBe(run.ranAt);
    expect(lit.now - published, `on the glass ${(lit.now - published) / 1000} s after publishing`).toBeLessThanOrEqual(interval * 1_100);

    // Lit up to its expiry (one second before), dark once the page clock passes it.
    await advanceTo(page, Date.parse(expires) - 1_000);
    await expect.poll(() => glassState(page), { timeout: 20_000 }).toMatchObject({ state: 'on', kind: 'alert', item: id });
    await advanceTo(page, Date.parse(expires) + 1_000);
    await expect.poll(() => glassState(page), { timeout: 20_000 }).toMatchObject(dark);
    expect(await page.locator('kiosk-app .off time').count(), 'the night page (a dim clock)').toBe(1);
  }, 120_000);

  it('a community\'s emergency (outside its scope) leaves the glass dark', async () => {
    const { at } = await nextNight();
    await advanceTo(page, at('03:00'));
    const file = join(site.world.feeds, 'lvyuan/items/notices/night-alarm.json');
    try {
      site.world.write('lvyuan', 'notices/night-alarm', { kind: 'alert', title: '緊急停電 立即撤離', priority: 'emergency' });
      // Signed with the community's own key by its own tools, past its scope.
      await site.forge('lvyuan', at('03:00'));
      const forged = site.versions().lvyuan;
      expect((await runNextSync(page)).state).toBe('idle');
      expect((await stored()).lvyuan, 'the feed\'s set is taken; the item in it is refused').toBe(forged);
      // The page holds frames made with that set, and they stay dark, now and one interval later.
      await expect.poll(framesVersion, { timeout: 20_000 }).toContain(`lvyuan=${forged}`);
      expect(await glassState(page)).toMatchObject(dark);
      await runNextSync(page);
      expect(await glassState(page)).toMatchObject(dark);
    } finally {
      rmSync(file, { force: true });
    }
  }, 120_000);
});
