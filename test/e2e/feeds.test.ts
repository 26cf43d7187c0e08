/**
 * Feeds per tier on one screen, in Chromium with the real service worker: the street office's
 * root delegating the district (xuanwu) and two communities (lvyuan, qingxi), each signed with
 * its own key. The gate screen (綠園社區) plays the root, the district and its own community
 * merged, slide for slide as `npm run plan` says; a fault on one feed (reset, 500, tampered,
 * replayed) leaves the others playing in full and that one on its last good set; a community's
 * items addressed to another community or sent as emergencies never reach the glass, and the
 * preview says why. No sleeps: each read waits for the page or the store to say so.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTables } from '../../src/calendar/tables.ts';
import { feedOfId } from '../../src/content/scope.ts';
import { readAt } from '../../src/frame/read-at.ts';
import { calendarOptions, createCalendarView } from '../../src/schedule/calendar-view.ts';
import { buildTables } from '../../tools/lib/calendar-tables.ts';
import { loadPlanContent, type PlanContent } from '../../tools/lib/plan-content.ts';
import { planAt } from '../../tools/plan.ts';
import type { FeedId } from '../fixtures/feeds/feed-world.ts';
import { START } from './fault-site.ts';
import { FeedSite, playScreens, storedFeeds } from './feed-site.ts';
import { launch, STILL } from './harness.ts';
import { firstSyncDone, runPlannedSync, waitForController } from './page-state.ts';

const HOUR = 3_600_000;
/** The instant whose loop is compared (重陽 2026, 09:00, within the gate's hours). */
const AT = '2026-10-18T09:00:00+08:00';
const calendar = createCalendarView(decodeTables(buildTables(2025, 2028)), 'Asia/Shanghai', calendarOptions({}));

let site: FeedSite;
let context: BrowserContext;
let page: Page;
let closeBrowser: () => Promise<void>;
let published = 0;

beforeAll(async () => {
  site = await FeedSite.create();
  await site.publishAll(START);
  await site.start();
  const browser = await launch();
  closeBrowser = () => browser.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...STILL });
  page = await context.newPage();
}, 120_000);

/** The kiosk opened online: its worker installs and takes the root and every feed in; then its clock pauses. */
async function openKiosk(): Promise<void> {
  await page.clock.install({ time: new Date(START) });
  await page.goto(`${site.url}?screen=gate`);
  // This box plays the corridor too, so qingxi syncs beside the gate's feeds.
  await playScreens(page, ['gate', 'corridor']);
  await expect.poll(() => stored(), { timeout: 60_000, interval: 100 }).toEqual(expectedVersions());
  await waitForController(page);
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
  await firstSyncDone(page);
}

afterAll(async () => {
  await closeBrowser?.();
  await site?.close();
});

/** The stored versions: root's and each feed's. */
async function stored(): Promise<Record<string, string | undefined>> {
  const s = await storedFeeds(page);
  return { root: s.root, ...Object.fromEntries(Object.entries(s.feeds).map(([k, v]) => [k, v.version])) };
}

function expectedVersions(keep: Partial<Record<FeedId, string>> = {}): Record<string, string> {
  return { ...site.versions(), ...keep };
}

/** The loop at AT for a screen, as plan says, from the folders (minus items a feed failed to bring). */
function plan(screen: string, content: PlanContent, at: string) {
  return planAt(content, content.screens.find((s) => s.id === screen)!, readAt(at, 'Asia/Shanghai'), calendar, 'zh-Hant').json;
}

/** An instant inside each slide of the loop that holds AT: [instant, the slide planned on air]. */
function slideInstants(screen: string, content: PlanContent): [string, string][] {
  const doc = plan(screen, content, AT);
  const loopStart = Date.parse(doc.onAir!.startsAt) - doc.slides[doc.onAir!.slide - 1]!.start * 1000;
  return doc.slides.map((s) => {
    const at = new Date(loopStart + s.start * 1000 + 500).toISOString();
    return [at, plan(screen, content, at).onAir!.id];
  });
}

/** The slide on the glass at `at` (the page's clock paused there). */
async function glass(screen: string, at: string): Promise<string | null> {
  await page.goto(`${site.url}?screen=${screen}&at=${encodeURIComponent(at)}`, { waitUntil: 'domcontentloaded' });
  return page.evaluate(() => new Promise<string | null>((resolve) => {
    const read = () => {
      const app = document.querySelector('kiosk-app');
      const item = app?.getAttribute('data-item');
      if (app?.getAttribute('data-state') === 'on' && item) return resolve(item), true;
      if (app?.getAttribute('data-state') === 'off') return resolve(null), true;
      return false;
    };
    if (read()) return;
    const obs = new MutationObserver(() => read() && obs.disconnect());
    obs.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state', 'data-item'] });
  }));
}

/** Every slide of the planned loop is on the glass when plan says; returns the ids compared. */
async function expectGlassAsPlanned(screen: string, content: PlanContent): Promise<string[]> {
  const seen: string[] = [];
  for (const [at, id] of slideInstants(screen, content)) {
    expect(await glass(screen, at), `${screen} @ ${at}`).toBe(id);
    seen.push(id);
  }
  // The navigations above each started a sync run: let the last one end before the next step.
  await firstSyncDone(page);
  return seen;
}

/** Plan content as the screen should hold it: the folders, without what a failing feed never brought. */
async function expected(without: string[] = []): Promise<PlanContent> {
  const c = await loadPlanContent(site.world.content, site.world.feeds, site.site);
  return { ...c, items: c.items.filter((i) => !without.includes(i.id)) };
}

/** A new item in the root and in every feed, published at the next build time. */
async function publishNext(): Promise<{ ids: Record<'root' | FeedId, string> }> {
  published++;
  const ids = { root: `case-${published}`, xuanwu: `xuanwu:science/case-${published}`, lvyuan: `lvyuan:notices/case-${published}`, qingxi: `qingxi:notices/case-${published}` };
  site.world.write(undefined, `case-${published}`, { kind: 'policy', title: `街道會議精神 第${published}期` });
  site.world.write('xuanwu', `science/case-${published}`, { kind: 'health', title: `科普小知識 第${published}期` });
  site.world.write('lvyuan', `notices/case-${published}`, { kind: 'notice', title: `綠園通知 第${published}號` });
  site.world.write('qingxi', `notices/case-${published}`, { kind: 'notice', title: `青溪通知 第${published}號` });
  await site.publishAll(START + published * HOUR);
  return { ids };
}

/** A sync run of the kiosk, started by a new page load, to its end. */
async function syncNow(): Promise<void> {
  await page.goto(`${site.url}?screen=gate&at=${encodeURIComponent(AT)}`, { waitUntil: 'domcontentloaded' });
  await firstSyncDone(page);
}

describe('three feeds on one screen', () => {
  it('the gate screen plays the root, the district and its community merged, slide for slide as plan says', async () => {
    await openKiosk();
    const seen = await expectGlassAsPlanned('gate', await expected());
    const feeds = new Set(seen.map((id) => feedOfId(id) ?? 'root'));
    expect([...feeds].sort()).toEqual(['lvyuan', 'root', 'xuanwu']);
    // The other community's screen: its own community, never lvyuan's.
    const corridor = await expectGlassAsPlanned('corridor', await expected());
    expect(corridor.some((id) => id.startsWith('qingxi:'))).toBe(true);
    expect(corridor.some((id) => id.startsWith('lvyuan:'))).toBe(false);
  }, 120_000);

  it.each([
    ['lvyuan', 'reset', 'network'],
    ['xuanwu', '500', 'http'],
    ['lvyuan', 'tampered', 'bad-signature'],
    ['xuanwu', 'replayed', 'replayed'],
  ] as const)('a fault on one feed (%s: %s) leaves the other two playing in full, and it plays its last good set', async (feed, fault, code) => {
    const before = (await stored())[feed]!;
    const { ids } = await publishNext();
    if (fault === 'reset' || fault === '500') site.arm(`/feeds/${feed}/manifest.json`, fault);
    else if (fault === 'tampered') site.tamper(feed);
    else site.replay(feed);
    await syncNow();
    expect(await stored()).toEqual(expectedVersions({ [feed]: before }));
    expect((await storedFeeds(page)).feeds[feed]?.error).toBe(code);
    // The glass: the root's and the other feed's new items in, the faulted feed's new one not.
    const seen = await expectGlassAsPlanned('gate', await expected([ids[feed]]));
    expect(seen).toContain(ids.root);
    expect(seen).toContain(feed === 'lvyuan' ? ids.xuanwu : ids.lvyuan);
    expect(seen).not.toContain(ids[feed]);
    // Cleared, the feed catches up.
    site.clear();
    await site.publishAll(START + published * HOUR + 1_000);
    await syncNow();
    expect(await stored()).toEqual(expectedVersions());
  }, 180_000);

  it('a community\'s emergency, or its notice for another community, never reaches the glass; the preview says why', async () => {
    site.world.write('lvyuan', 'notices/alarm', { kind: 'alert', title: '緊急停電 立即撤離', priority: 'emergency' });
    site.world.write('lvyuan', 'notices/next-door', { kind: 'notice', title: '青溪社區 停車位調整', where: ['qingxi'] });
    await site.forge('lvyuan', START + 20 * HOUR);
    await syncNow();
    expect(await stored()).toEqual(expectedVersions());
    const refused = ['lvyuan:notices/alarm', 'lvyuan:notices/next-door'];
    const content = await expected();
    expect(content.refused.map((r) => r.id)).toEqual(refused);
    // Not on either community's glass, at any slide of their loops (an accepted emergency would have taken the loop over).
    for (const screen of ['gate', 'corridor']) {
      const seen = await expectGlassAsPlanned(screen, content);
      for (const id of refused) expect(seen).not.toContain(id);
    }
    expect(plan('gate', content, AT).mode).toBe('loop');

    const preview = await context.newPage();
    await preview.goto(`${site.url}preview.html?screen=gate&at=${encodeURIComponent(AT)}&lang=zh-Hant`);
    const section = preview.locator('preview-app section.refused');
    await section.waitFor({ timeout: 20_000 });
    await expect.poll(() => section.locator('li[data-item="lvyuan:notices/alarm"] .reason').textContent()).toContain('不能使用優先級 "emergency"');
    expect(await section.locator('li[data-item="lvyuan:notices/next-door"] .reason').textContent()).toContain('"qingxi" 不在來源 "lvyuan" 可發布的地點');
    // Each feed's state: published version here, and this browser's kiosk's.
    const rows = preview.locator('preview-app section.feeds tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-feed')))).toEqual(['xuanwu', 'lvyuan', 'qingxi']);
    expect(await preview.locator('preview-app section.feeds tr[data-feed="lvyuan"] td.published code').textContent()).toBe(site.versions().lvyuan.slice(0, 12));
    // Every loop slide names its feed.
    const strip = await preview.locator('preview-app section.loop .strip li').evaluateAll((lis) =>
      lis.map((li) => [li.getAttribute('data-item'), li.querySelector('.feed')?.getAttribute('data-feed') ?? null]));
    for (const [id, feed] of strip) expect(feed).toBe(feedOfId(id!) ?? null);
    await preview.close();
  }, 180_000);
  it('a box that plays the gate alone syncs the gate\'s feeds only: nothing of qingxi is fetched', async () => {
    const own = await context.browser()!.newContext({ viewport: { width: 1280, height: 720 }, ...STILL });
    try {
      const gate = await own.newPage();
      await gate.clock.install({ time: new Date(START) });
      await gate.goto(`${site.url}?screen=gate`);
      const want = site.versions();
      await expect.poll(async () => {
        const s = await storedFeeds(gate);
        return [s.root, s.feeds.xuanwu?.version, s.feeds.lvyuan?.version];
      }, { timeout: 60_000, interval: 100 }).toEqual([want.root, want.xuanwu, want.lvyuan]);
      await gate.clock.pauseAt(await gate.evaluate(() => Date.now() + 1_000));
      await firstSyncDone(gate);
      // The next planned run, once the gate has asked for its frames: lvyuan is asked, qingxi never.
      const manifest = (feed: string) => site.hits(`/feeds/${feed}/manifest.json`);
      const [lvyuan, qingxi] = [manifest('lvyuan'), manifest('qingxi')];
      await runPlannedSync(gate, 60_000);
      expect(manifest('lvyuan')).toBeGreaterThan(lvyuan);
      expect(manifest('qingxi')).toBe(qingxi);
    } finally {
      await own.close();
    }
  }, 180_000);
});
