/**
 * The fault matrix for one delegated feed (issue 12, bar: "each fault of the existing matrix
 * applied to one feed leaves the other two playing in full"), in Chromium with the real
 * service worker, on the gate screen of ./feed-site.ts (the root, the district xuanwu and its
 * community lvyuan on its glass; qingxi syncs beside them). The broken feed is the community
 * lvyuan: it syncs after the district and before qingxi, so a fault that stopped the run there
 * would show on a feed after it as well as before it.
 *
 * The cases share one kiosk. Each one settles (no fault armed, every version taken), publishes
 * the next version of the root and of every feed (a new item each; lvyuan's a new notice with a
 * new picture, in place of the last case's), breaks lvyuan at one point, runs one planned sync,
 * and checks: the screen's run succeeded; the root, xuanwu and qingxi took their new versions in
 * that run and hold them whole; lvyuan kept its last good version, whole, with the fault's error;
 * the glass plays the frames of exactly those versions, and their loop is the one `npm run plan`
 * makes from that content (so the broken feed's last good items play in full and its new one
 * does not). Then the fault clears, and the planned syncs converge on the new versions.
 *
 * Faults, as in the root's matrix (./sync-faults.test.ts, ./matrix/):
 * - transport: reset, 500, 404, truncate, wrong-hash, slow, portal, at each point of the feed's
 *   sync: its manifest, a new page, a new item, a new picture, and a new calendar. A feed's
 *   manifest names a calendar file as the root's does, and the screen downloads and verifies it
 *   when it holds no calendar of that hash (the root's calendar is the one that plays); the
 *   feed publishes one for other years to reach it. wrong-hash has no manifest case (nothing
 *   names the manifest's hash: bytes changed in it are the portal and signature cases).
 *   No 'slow' here: an answer that never ends fails only at the app's request timeout (60 s in
 *   dist/), so it needs an app built with a short one, as the root's matrix does (its signed
 *   build, SIGNED_TIMEOUT_MS = 3 s): about 8 s for that build and 3 s a case here, a third of
 *   this file's time. The root's matrix covers 'slow' at each point of the root.
 * - publisher and mirror: an older manifest of the feed served again (replayed), a mirror
 *   flapping between the feed's last two versions, an item file of invalid JSON and one that
 *   fails the schema (hash matching: skipped, the rest of the feed commits).
 * - signatures: the feed's manifest signed by another feed's key, unsigned, tampered after
 *   signing.
 * Not here, because they do not apply to one feed alone: a full disk (the quota is the
 * origin's: every feed and the root share it), storage lost (the content cache and the
 * database are the origin's, shared by every feed) and clock jumps (the page's clock, one for
 * every feed); the root's matrix covers them, for the whole screen.
 *
 * No sleeps: the page's clock moves only to the next planned sync, and each read waits on the
 * page's attributes or store. Prints the case count.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTables } from '../../src/calendar/tables.ts';
import type { Manifest } from '../../src/content/manifest.ts';
import { feedOfId } from '../../src/content/scope.ts';
import { calendarOptions, createCalendarView } from '../../src/schedule/calendar-view.ts';
import { buildTables } from '../../tools/lib/calendar-tables.ts';
import { loadPlanContent, type PlanContent } from '../../tools/lib/plan-content.ts';
import { planAt } from '../../tools/plan.ts';
import { FEED_IDS, type FeedId } from '../fixtures/feeds/feed-world.ts';
import { POINTS, START, type TransportFault } from './fault-site.ts';
import { FeedSite, heldSets, playScreens, storedFeeds } from './feed-site.ts';
import { launch, STILL } from './harness.ts';
import { expectCode, TRANSPORT } from './matrix/transport-cases.ts';
import { firstSyncDone, runPlannedSync, waitForController } from './page-state.ts';

const BROKEN = 'lvyuan' satisfies FeedId;
const SOURCES = ['root', ...FEED_IDS] as const;
type Source = (typeof SOURCES)[number];
type Versions = Record<Source, string>;
const calendar = createCalendarView(decodeTables(buildTables(2025, 2028)), 'Asia/Shanghai', calendarOptions({}));
/** A calendar for other years per calendar case: never one the screen holds (the root's is 2026–2027). */
const CALENDAR_YEARS: [number, number][] = [[2026, 2028], [2025, 2028], [2026, 2029], [2025, 2029], [2026, 2030], [2025, 2030], [2024, 2028], [2024, 2029]];

let site: FeedSite;
let browser: Browser;
let page: Page;
let serial = 0;
let calendars = 0;
/** The build time of the last publication (each one later: content only moves forward). */
let publishedAt = START;
let planned = 0;
let ran = 0;
const started = performance.now();

beforeAll(async () => {
  site = await FeedSite.create();
  await site.publishAll(START);
  await site.start();
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 960, height: 540 }, ...STILL });
  page = await context.newPage();
  await page.clock.install({ time: new Date(START) });
  await page.goto(`${site.url}?screen=gate`);
  // This box plays the corridor too, so qingxi syncs beside the gate's feeds.
  await playScreens(page, ['gate', 'corridor']);
  for (const end = Date.now() + 90_000; !same(await stored(), site.versions());) {
    if (Date.now() > end) throw new Error(`the kiosk never took the site's versions in: ${JSON.stringify(await stored())}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await waitForController(page);
  // From here the page's time moves only to the next planned sync.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
  await firstSyncDone(page);
}, 180_000);

afterAll(async () => {
  console.log(`feed fault cases run in Chromium: ${ran} (of ${planned}), ${Math.round((performance.now() - started) / 1000)} s for the file`);
  await browser?.close();
  await site?.close();
});

const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

/** The versions the kiosk holds, the root's and each feed's. */
async function stored(s?: Awaited<ReturnType<typeof storedFeeds>>): Promise<Record<Source, string | undefined>> {
  s ??= await storedFeeds(page);
  return { root: s.root, ...Object.fromEntries(FEED_IDS.map((id) => [id, s.feeds[id]?.version])) } as Record<Source, string | undefined>;
}

/** The folders as read after the last publication (they change only in publishNext). */
let read: { serial: number; content: PlanContent } | undefined;
/** The content as the folders hold it now (what the screen holds once it has every new version). */
async function folders(): Promise<PlanContent> {
  if (read?.serial !== serial) read = { serial, content: await loadPlanContent(site.world.content, site.world.feeds, site.site) };
  return read.content;
}

/** `now`, but with the broken feed's items as `good` had them (what it still plays). */
function withLastGood(now: PlanContent, good: PlanContent): PlanContent {
  const of = (c: PlanContent, s: Source) => c.items.filter((i) => (feedOfId(i.id) ?? 'root') === s);
  return { ...now, items: SOURCES.flatMap((s) => of(s === BROKEN ? good : now, s)) };
}

/** The loop `npm run plan` makes for the gate screen at `at`. */
function planLoop(content: PlanContent, at: number): string[] {
  return planAt(content, content.screens.find((s) => s.id === 'gate')!, at, calendar, 'zh-Hant').json.slides.map((s) => s.id);
}

/** What the glass plays: the content version of the page's frames, the loop of the frame of the page's instant, the slide on air. */
function glass(): Promise<{ version: string | undefined; at: number; loop: string[] | undefined; onAir: string | null }> {
  return page.evaluate(() => {
    type Frames = { version(): string | undefined; frameAt(t: number): { loop?: { slides: { id: string }[] } } | null | undefined };
    const el = document.querySelector('kiosk-app') as Element & { frames?: Frames };
    const at = Date.now();
    return { version: el.frames?.version(), at, loop: el.frames?.frameAt(at)?.loop?.slides.map((s) => s.id), onAir: el.getAttribute('data-item') };
  });
}

/**
 * The screen holds exactly `want` (the broken feed with `error`, the others none), each set
 * whole, and the glass plays frames of those versions whose loop is plan's for `content`.
 */
async function expectScreen(want: Versions, content: PlanContent, error: string | undefined, skipped: string[] = []): Promise<void> {
  const s = await storedFeeds(page);
  expect(await stored(s)).toEqual(want);
  expect(Object.fromEntries(FEED_IDS.map((id) => [id, s.feeds[id]?.error])), 'each feed\'s last error')
    .toEqual(Object.fromEntries(FEED_IDS.map((id) => [id, id === BROKEN ? error : undefined])));
  const held = await heldSets(page, site.url);
  for (const source of SOURCES) {
    expect(held[source], `${source}'s set, whole`).toMatchObject({ version: want[source], missing: [], skipped: source === BROKEN ? skipped : [] });
    expect(held[source]!.items, `${source}'s items`).toBeGreaterThan(0);
  }
  const union = [want.root, ...FEED_IDS.map((id) => `${id}=${want[id]}`)].join('+');
  await expect.poll(async () => (await glass()).version, { timeout: 20_000, message: 'the glass plays frames of those versions' }).toBe(union);
  const g = await glass();
  expect(g.loop, `the loop at ${new Date(g.at).toISOString()}, as plan says`).toEqual(planLoop(content, g.at));
  // The gate's three sources all on it, the broken feed's (last good) items among them.
  expect(new Set(g.loop!.map((id) => feedOfId(id) ?? 'root')), 'the sources on the loop').toEqual(new Set(['root', 'xuanwu', BROKEN]));
  expect(g.onAir, 'a slide on air').not.toBeNull();
}

const svg = (n: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90"><rect width="160" height="90" fill="#2a6"/><circle cx="${20 + (n % 120)}" cy="45" r="12" fill="#fff"/></svg>`;

/**
 * Publishes the next version of the root and of every feed: a changed item in the root,
 * xuanwu and qingxi; in lvyuan a new notice with a new picture in place of the last case's
 * (a new item, picture and page). `calendar`: lvyuan is then published again on its own with a
 * calendar for other years. Returns lvyuan's manifests before and after.
 */
async function publishNext(calendarToo = false): Promise<{ before: Manifest; after: Manifest }> {
  const before = site.feedManifest(BROKEN);
  const n = ++serial;
  const feedDir = join(site.world.feeds, BROKEN);
  site.world.write(undefined, 'matrix/case', { kind: 'policy', title: `街道會議精神 第${n}期` });
  site.world.write('xuanwu', 'science/case', { kind: 'health', title: `科普小知識 第${n}期` });
  site.world.write('qingxi', 'notices/case', { kind: 'notice', title: `青溪通知 第${n}號` });
  rmSync(join(feedDir, `items/notices/m-${n - 1}.json`), { force: true });
  rmSync(join(feedDir, `assets/matrix/m-${n - 1}.svg`), { force: true });
  mkdirSync(join(feedDir, 'assets/matrix'), { recursive: true });
  writeFileSync(join(feedDir, `assets/matrix/m-${n}.svg`), svg(n));
  site.world.write(BROKEN, `notices/m-${n}`, { kind: 'notice', title: `綠園通知 第${n}號`, image: `assets/matrix/m-${n}.svg`, imageAlt: `綠園通知 第${n}號 圖` });
  await site.publishAll((publishedAt += 60_000));
  if (calendarToo) await site.publishFeed(BROKEN, (publishedAt += 1_000), CALENDAR_YEARS[calendars++ % CALENDAR_YEARS.length]);
  return { before, after: site.feedManifest(BROKEN) };
}

/** Serves the broken feed's newest publication again (after a case served another). */
function serveNewest(): void {
  site.serveFeed(BROKEN, site.published.get(BROKEN)!.at(-1)!);
}

/** Before a case: nothing armed, the newest published, every version taken. */
async function settle(): Promise<void> {
  site.clear();
  serveNewest();
  await converge();
}

/** Runs the planned syncs until the kiosk holds every published version (the feeds have no back-off: a run or two). */
async function converge(): Promise<void> {
  for (let i = 0; i < 6 && !same(await stored(), site.versions()); i++) await runPlannedSync(page, 60_000);
  expect(await stored(), 'converged').toEqual(site.versions());
}

/** One planned sync against the armed fault: it reached `path`, and the screen's run (the root's) succeeded all the same. */
async function attempt(path: string): Promise<void> {
  const before = site.hits(path);
  const mark = await runPlannedSync(page, 60_000);
  expect(site.hits(path), `the sync reached ${path}`).toBeGreaterThan(before);
  expect(mark.state, 'the screen\'s run: the broken feed never fails it').toBe('idle');
}

/** A case: counted when it passes. */
function matrixCase(name: string, body: () => Promise<void>): void {
  planned++;
  it(name, async () => {
    await body();
    ran++;
  }, 90_000);
}

/**
 * The shape of every case: settle, note the content the screen plays, publish the next
 * versions, `breakIt` (which runs one attempt and returns the error lvyuan should keep), check,
 * `fix`, converge, check.
 */
async function faultCase(
  breakIt: (p: { before: Manifest; after: Manifest }) => Promise<string>,
  fix: () => void | Promise<void> = () => undefined,
  calendarToo = false,
): Promise<void> {
  await settle();
  const good = await folders();
  const lastGood = (await stored())[BROKEN]!;
  const published = await publishNext(calendarToo);
  const code = await breakIt(published);
  await expectScreen({ ...site.versions(), [BROKEN]: lastGood }, withLastGood(await folders(), good), code);
  site.clear();
  await fix();
  serveNewest();
  await converge();
  await expectScreen(site.versions(), await folders(), undefined);
}

describe(`one feed (${BROKEN}) broken, the root and the other feeds play on in full`, () => {
  describe('transport faults at each point of the feed\'s sync', () => {
    for (const fault of TRANSPORT.filter((f): f is TransportFault => f !== 'slow')) {
      for (const point of POINTS) {
        if (fault === 'wrong-hash' && point === 'manifest') continue;
        matrixCase(`${fault} at its ${point}`, () => faultCase(async ({ before, after }) => {
          const path = site.feedPoints(BROKEN, after, before)[point];
          expect(path, `the change reaches the ${point}`).toBeDefined();
          site.arm(path!, fault);
          await attempt(path!);
          const code = (await storedFeeds(page)).feeds[BROKEN]?.error;
          expectCode(code, fault, point);
          return code!;
        }, undefined, point === 'calendar'));
      }
    }
  });

  describe('publisher and mirror faults', () => {
    matrixCase('an older valid manifest of the feed served again is refused (replayed)', () => faultCase(async () => {
      site.replay(BROKEN);
      await attempt(`/feeds/${BROKEN}/manifest.json`);
      return 'replayed';
    }));

    matrixCase('a mirror flapping between the feed\'s last two versions never moves it back', async () => {
      await settle();
      await publishNext();
      await converge();
      const newest = site.versions();
      const content = await folders();
      for (let i = 0; i < 3; i++) {
        site.serveFeed(BROKEN, site.published.get(BROKEN)!.at(-2)!); // the stale edge answers
        await attempt(`/feeds/${BROKEN}/manifest.json`);
        await expectScreen(newest, content, 'replayed');
        serveNewest(); // the fresh one
        expect((await runPlannedSync(page, 60_000)).state).toBe('idle');
        await expectScreen(newest, content, undefined);
      }
    });

    for (const [name, bytes] of [
      ['invalid JSON', '{ "id": "x", "kind": '],
      ['an item that fails the schema', JSON.stringify({ id: 'x', kind: 'notice', titel: 'x' })],
    ] as const) {
      matrixCase(`${name} in the feed: skipped and logged, the rest of it commits; converges when republished`, async () => {
        await settle();
        await publishNext();
        const id = `notices/m-${serial}`;
        const bad = await site.publishBadFeedItem(BROKEN, id, bytes, (publishedAt += 1_000));
        const bad_item = `/feeds/${BROKEN}/${site.feedManifest(BROKEN).items.find((e) => e.id === id)!.url}`;
        await attempt(bad_item);
        const content = await folders();
        await expectScreen({ ...site.versions(), [BROKEN]: bad.version }, { ...content, items: content.items.filter((i) => i.id !== `${BROKEN}:${id}`) }, undefined, [id]);
        await site.publishFeed(BROKEN, (publishedAt += 1_000));
        await converge();
        await expectScreen(site.versions(), await folders(), undefined);
      });
    }
  });

  describe('signatures', () => {
    matrixCase('the feed\'s manifest signed by another feed\'s key is refused', () => faultCase(async () => {
      await site.serveFeedSigned(BROKEN, (m) => m, site.world.keys.qingxi);
      await attempt(`/feeds/${BROKEN}/manifest.json`);
      return 'bad-signature';
    }));
    matrixCase('the feed\'s manifest unsigned is refused', () => faultCase(async () => {
      await site.serveFeedSigned(BROKEN, (m) => m, null);
      await attempt(`/feeds/${BROKEN}/manifest.json`);
      return 'unsigned';
    }));
    matrixCase('the feed\'s manifest tampered after signing is refused', () => faultCase(async () => {
      site.tamper(BROKEN);
      await attempt(`/feeds/${BROKEN}/manifest.json`);
      return 'bad-signature';
    }));
  });

  it('ran every case', () => {
    expect(planned).toBe(36);
    expect(ran).toBe(planned);
  });
});
