/**
 * The preview, `npm run plan` and the kiosk agree (issue 10): for every screen of the sample
 * content (plus one published emergency alert), at instants spread over a year — off hours,
 * weekends, a draft alert's days, the emergency's edges, solar-term and festival edges, and a
 * spread of ordinary moments — all three say the same: lit or dark, the mode, the loop, and the
 * slide on air.
 *
 * - plan: its own function (planAt, which `npm run plan` calls; its `json` is what --json prints),
 *   with --at read by the same reader;
 * - kiosk: `/?screen=…&at=…` on a copy of the built site, with its service worker, one page
 *   navigated from instant to instant, the page's clock paused (its `at` is the instant exactly);
 * - preview: one page, sent from instant to instant as the browser's back and forward do
 *   (a new URL and a popstate), read when it has drawn.
 * No sleeps: each read waits for the page to say it is done.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTables } from '../../src/calendar/tables.ts';
import { calendarOptions, createCalendarView } from '../../src/schedule/calendar-view.ts';
import { buildTables } from '../../tools/lib/calendar-tables.ts';
import { compileContent } from '../../tools/lib/compile.ts';
import { loadPlanContent } from '../../tools/lib/plan-content.ts';
import { writeProblems } from '../../tools/lib/problems-file.ts';
import { type RunningServer, serveStatic } from '../../tools/lib/static-server.ts';
import { type PlanContent, planAt } from '../../tools/plan.ts';
import { readAt } from '../../src/frame/read-at.ts';
import type { CalendarView } from '../../src/schedule/calendar-view.ts';
import { launch, STILL } from './harness.ts';
import { waitForController } from './page-state.ts';
import { playScreens, storedFeeds } from './feed-site.ts';

const site = mkdtempSync(join(tmpdir(), 'sw-agree-site-'));
const source = mkdtempSync(join(tmpdir(), 'sw-agree-content-'));
/** From before the gate's hours (06:30): it wakes the dark screen at 05:00. */
const EMERGENCY = { from: '2027-01-20T05:00:00+08:00', until: '2027-01-20T11:30:00+08:00' };

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  cpSync('content', source, { recursive: true });
  // A published emergency alert for one community (the sample's own is a draft).
  writeFileSync(join(source, 'items/alerts/agree-gas-leak.json'), JSON.stringify({
    kind: 'alert', title: { 'zh-Hant': '燃氣管線搶修 請勿靠近', 'zh-Hans': '燃气管线抢修 请勿靠近' },
    summary: '綠園社區東門外燃氣管線搶修中，請繞行。', priority: 'emergency', where: ['lvyuan'],
    when: { from: EMERGENCY.from, until: EMERGENCY.until }, expires: EMERGENCY.until,
  }));
  cpSync('dist', site, { recursive: true });
  rmSync(join(site, 'content'), { recursive: true, force: true });
  const out = join(site, 'content');
  const r = await compileContent({ contentDir: source, outDir: out, now: Date.parse('2026-07-01T00:00:00+08:00'), calendarYears: [2026, 2027] });
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  writeProblems(out, r.problems);
  [browser, server] = await Promise.all([launch(), serveStatic(site)]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
  rmSync(source, { recursive: true, force: true });
});

/** The instants, as ISO strings with the site's offset. */
function instants(calendar: CalendarView): string[] {
  const iso = (t: number) => new Date(t + 8 * 3_600_000).toISOString().replace('Z', '+08:00').replace('.000', '');
  const at = (s: string) => Date.parse(s);
  const list = [
    // Off hours and their edges (06:30–22:00; the lobby 08:00–18:00 on weekdays).
    '2026-12-02T03:00:00+08:00', '2026-12-02T06:29:59+08:00', '2026-12-02T06:30:00+08:00',
    '2026-12-02T21:59:59+08:00', '2026-12-02T22:00:00+08:00', '2026-12-04T17:59:30+08:00',
    '2026-12-04T18:00:00+08:00', '2026-12-07T07:59:59+08:00', '2026-12-07T08:00:00+08:00',
    // Weekends.
    '2026-12-05T10:00:00+08:00', '2026-12-06T15:20:10+08:00', '2027-03-13T09:45:00+08:00',
    // The draft cold-wave alert's days: never on the glass, beside the loop in the preview.
    '2026-12-03T08:00:00+08:00', '2026-12-04T10:00:00+08:00', '2026-12-05T19:59:59+08:00',
    // The published emergency: just before, at (waking the dark gate screen), woken, in hours, at its end.
    '2027-01-20T04:59:59+08:00', EMERGENCY.from, '2027-01-20T06:00:00+08:00', '2027-01-20T08:59:59+08:00', '2027-01-20T10:17:42+08:00', '2027-01-20T11:29:59+08:00', EMERGENCY.until,
    '2027-01-20T11:30:00.001+08:00',
    // Festivals: 重陽 2026-10-18, 春節 2027-02-06, 端午 2027-06-09 and the evenings before.
    '2026-10-18T09:00:00+08:00', '2026-10-17T21:59:00+08:00', '2027-02-05T21:30:00+08:00',
    '2027-02-06T06:30:00+08:00', '2027-02-06T12:00:00+08:00', '2027-06-08T21:59:59+08:00', '2027-06-09T06:30:01+08:00',
    // The summer's high-priority heat alert.
    '2026-07-28T10:00:00+08:00', '2026-07-29T19:59:00+08:00',
  ];
  // Solar-term edges: the minute before a term begins and its first minute, for the terms
  // that begin within screen hours (season changes at 立冬, 立春, 立夏, 立秋 among them).
  let t = at('2026-08-01T00:00:00+08:00');
  for (let n = 0; n < 24; n++) {
    const next = calendar.factsAt(t).currentTerm.next.instant;
    const hm = calendar.localTime(next);
    if (hm >= '06:31' && hm <= '21:58' && n % 2 === 0) list.push(iso(next - 30_000), iso(next));
    t = next + 60_000;
  }
  // A spread over the year: every 33 days, at a different hour, minute and second each time.
  for (let i = 0; i < 11; i++) {
    const s = at('2026-07-03T00:00:00+08:00') + i * 33 * 86_400_000 + ((i * 7) % 24) * 3_600_000 + ((i * 13) % 60) * 60_000 + ((i * 29) % 60) * 1000;
    list.push(iso(s));
  }
  return [...new Set(list)].sort((a, b) => Date.parse(a) - Date.parse(b));
}

interface Said {
  on: boolean;
  mode: string | null;
  onAir: string | null;
  loop: string[];
}

function planned(content: PlanContent, calendar: CalendarView, screen: string, at: string): { said: Said; woken: boolean } {
  const doc = planAt(content, content.screens.find((s) => s.id === screen)!, readAt(at, calendar.timeZone), calendar, 'zh-Hant').json;
  return { said: { on: doc.on, mode: doc.mode, onAir: doc.onAir?.id ?? null, loop: doc.slides.map((s) => s.id) }, woken: doc.woken };
}

/** The kiosk at `at`: navigated to, read once it shows a frame (on with a slide, or off). */
async function kiosk(page: Page, screen: string, at: string): Promise<Omit<Said, 'mode' | 'loop'>> {
  await page.goto(`${server.url}?screen=${screen}&at=${encodeURIComponent(at)}`, { waitUntil: 'domcontentloaded' });
  // Resolved by the page's own changes (a MutationObserver), not by timers: the page's clock is stopped.
  return page.evaluate(() => new Promise<Omit<Said, 'mode' | 'loop'>>((resolve) => {
    const read = () => {
      const app = document.querySelector('kiosk-app');
      const state = app?.getAttribute('data-state');
      const item = app?.getAttribute('data-item');
      if (state === 'off') resolve({ on: false, onAir: null });
      else if (state === 'on' && item) resolve({ on: true, onAir: item });
      else return false;
      return true;
    };
    if (read()) return;
    const obs = new MutationObserver(() => {
      if (read()) obs.disconnect();
    });
    obs.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state', 'data-item'] });
  }));
}

/** The preview at `at`: sent there as back/forward would, read once it has drawn. */
async function preview(page: Page, screen: string, at: string): Promise<Said & { drafts: string[] }> {
  return page.evaluate(async ([screen, at]) => {
    const app = document.querySelector('preview-app')!;
    history.replaceState(null, '', `?screen=${encodeURIComponent(screen!)}&at=${encodeURIComponent(at!)}&lang=zh-Hant`);
    dispatchEvent(new PopStateEvent('popstate'));
    await app.updateComplete;
    const root = app.shadowRoot!;
    const items = (sel: string) => [...root.querySelectorAll(sel)].map((li) => li.getAttribute('data-item') ?? '');
    const off = root.querySelector('section.loop.off');
    return {
      on: !off,
      mode: root.querySelector('section.loop .mode')?.getAttribute('data-mode') ?? null,
      onAir: root.querySelector('section.loop .strip li.on-air')?.getAttribute('data-item') ?? null,
      loop: items('section.loop .strip li'),
      drafts: items('section.drafts li'),
    };
  }, [screen, at]);
}

describe('preview, plan and kiosk agree', () => {
  it('at every instant, for every screen: lit or dark, mode, loop and the slide on air', async () => {
    const content = await loadPlanContent(source, 'feeds');
    const calendar = createCalendarView(decodeTables(buildTables(2025, 2028)), 'Asia/Shanghai', calendarOptions(content.settings));
    const screens = content.screens.map((s) => s.id);
    const list = instants(calendar);
    expect(list.length).toBeGreaterThanOrEqual(50);

    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...STILL });
    const k = await context.newPage();
    // Online once, running: the worker installs and takes the content in; then the page's clock stops.
    await k.clock.install({ time: new Date('2026-07-01T09:00:00+08:00') });
    await kiosk(k, screens[0]!, list[0]!);
    await waitForController(k);
    // The root is in first; the comparisons start once the sample's feeds are in too (every
    // screen plays in this browser: every feed is synced).
    await playScreens(k, screens);
    await expect.poll(async () => Object.values((await storedFeeds(k)).feeds).filter((f) => f.version).length, { timeout: 30_000 })
      .toBe(content.feeds.length);
    await k.clock.pauseAt(await k.evaluate(() => Date.now() + 1_000));
    const p = await context.newPage();
    await p.goto(`${server.url}preview.html?screen=${screens[0]}&at=${encodeURIComponent(list[0]!)}&lang=zh-Hant`);
    await p.locator('preview-app section.excluded').waitFor({ timeout: 20_000 });

    const started = performance.now();
    const seen = { off: 0, emergency: 0, woken: 0, drafts: 0, compared: 0 };
    // Screen by screen, through the instants in order (a screen's slides recur: the preview keeps their drawings).
    for (const screen of screens) {
      for (const at of list) {
        const where = `${screen} @ ${at}`;
        // The kiosk and the preview are two pages: asked at once, their waits overlap.
        const [glass, staff] = await Promise.all([kiosk(k, screen, at), preview(p, screen, at)]);
        const { said: plan, woken } = planned(content, calendar, screen, at);
        expect({ on: glass.on, onAir: glass.onAir }, `kiosk, ${where}`).toEqual({ on: plan.on, onAir: plan.onAir });
        expect({ on: staff.on, mode: staff.mode, onAir: staff.onAir, loop: staff.loop }, `preview, ${where}`).toEqual(plan);
        // Drafts: beside the loop in the preview, never in it, never on the glass.
        for (const d of staff.drafts) expect(plan.loop, `draft ${d} in the loop, ${where}`).not.toContain(d);
        seen.compared++;
        if (!plan.on) seen.off++;
        if (plan.mode === 'emergency') seen.emergency++;
        if (woken) seen.woken++;
        if (staff.drafts.length) seen.drafts++;
      }
    }
    // The instants cover what they are meant to.
    expect(seen.off).toBeGreaterThan(20);
    expect(seen.emergency).toBeGreaterThanOrEqual(3);
    // The emergency lights the dark gate screen at 05:00 and 06:00, on the glass as in plan and preview.
    expect(seen.woken).toBe(2);
    expect(seen.drafts).toBeGreaterThanOrEqual(3);
    console.log(`agree: ${Math.round(performance.now() - started)} ms, ${list.length} instants × ${screens.length} screens = ${seen.compared} comparisons (${seen.off} dark, ${seen.emergency} emergency, ${seen.woken} woken, ${seen.drafts} with drafts)`);
    await context.close();
  }, 300_000);
});
