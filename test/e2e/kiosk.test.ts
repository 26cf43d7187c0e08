/**
 * The built kiosk in Chromium, on the sample content: at 重陽 2026 the gate screen plays the
 * 重陽 items within one loop, and at every slide boundary it shows exactly the slide the
 * planner says (the loop is a function of the instant).
 */
import { describe, expect, it } from 'vitest';
import { decodeTables } from '../../src/calendar/tables.ts';
import { buildPlaylist } from '../../src/schedule/playlist.ts';
import { slideAt } from '../../src/frame/slide-at.ts';
import { calendarOptions, createCalendarView } from '../../src/schedule/calendar-view.ts';
import { buildTables } from '../../tools/lib/calendar-tables.ts';
import { loadPlanContent } from '../../tools/lib/plan-content.ts';
import { playScreens, SAMPLE_SCREENS, storedFeeds } from './feed-site.ts';
import { browserOnDist } from './harness.ts';

const AT = '2026-10-18T09:00:00+08:00';
const SCREEN = 'lvyuan-gate';

const env = browserOnDist();

/** The planner's loop at an instant, from the same content (the root and its feeds, merged) and the same modules. */
async function planner() {
  const content = await loadPlanContent('content', 'feeds');
  const screen = content.screens.find((s) => s.id === SCREEN)!;
  const tz = content.settings.timeZone ?? 'Asia/Shanghai';
  const calendar = createCalendarView(decodeTables(buildTables(2026, 2027)), tz, calendarOptions(content.settings));
  return (t: number) => buildPlaylist(content.items, screen, content.settings, t, { calendar });
}

describe('kiosk e2e', () => {
  it(`shows the 重陽 content within one loop at ${AT}, slide for slide as planned`, async () => {
    const plan = await planner();
    const playlist = plan(Date.parse(AT));
    const chongyang = playlist.slides.filter((s) => s.item?.when?.festivals?.includes('chongyang')).map((s) => s.id);
    expect(chongyang.length).toBeGreaterThan(0);

    const page = await env.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.clock.install({ time: new Date(AT) });
    await page.goto(`${env.server.url}?screen=${SCREEN}&at=${encodeURIComponent(AT)}`);
    const app = page.locator('kiosk-app');
    await expect.poll(() => app.getAttribute('data-item'), { timeout: 15_000 }).not.toBeNull();
    // The root plays first; the delegated feeds join once their sync is in: then the screen starts
    // again. (This browser plays every sample screen: every feed comes in, whichever this one plays.)
    await playScreens(page, SAMPLE_SCREENS);
    await expect.poll(async () => Object.values((await storedFeeds(page)).feeds).filter((f) => f.version).length, { timeout: 30_000 })
      .toBe((await loadPlanContent('content', 'feeds')).feeds.length);
    // (Without `at`: its clock is the page's, already past AT by the wait.)
    await page.goto(`${env.server.url}?screen=${SCREEN}`);
    await expect.poll(() => app.getAttribute('data-item'), { timeout: 15_000 }).not.toBeNull();
    // From here the page's time is the test's: paused, and moved only by the steps below.
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));

    const seen: string[] = [];
    let t = await page.evaluate(() => Date.now());
    const end = t + playlist.totalSeconds * 1000;
    while (t < end) {
      const onAir = slideAt(plan(t), t);
      expect(await app.getAttribute('data-item'), `at ${new Date(t).toISOString()}`).toBe(onAir.slide.id);
      expect(await app.getAttribute('data-kind')).toBe(onAir.slide.kind);
      seen.push(onAir.slide.id);
      const step = onAir.endsAt - t + 500;
      await page.clock.runFor(step);
      t += step;
    }
    for (const id of chongyang) expect(seen).toContain(id);
    await page.close();
  });

  it('lists the screens on a clear page when the screen is unknown', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${env.server.url}?screen=no-such-screen`);
    for (const id of ['lvyuan-gate', 'qingxi-corridor', 'yingshijie-lobby']) {
      await expect.poll(() => page.locator(`a[href*="screen=${id}"]`).count(), { timeout: 15_000 }).toBe(1);
    }
    await page.close();
  });
});
