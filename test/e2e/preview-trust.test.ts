/**
 * Issue 10, "a preview staff can trust", in Chromium on a copy of the built site with the
 * sample content: what a person sees in the preview and on the kiosk. The browser runs in New
 * York, in American English, so that nothing can pass by reading the box's zone or locale.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContent } from '../../tools/lib/compile.ts';
import { writeProblems } from '../../tools/lib/problems-file.ts';
import { type RunningServer, serveStatic } from '../../tools/lib/static-server.ts';
import { launch } from './harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'sw-trust-'));
let browser: Browser;
let server: RunningServer;
let context: BrowserContext;

beforeAll(async () => {
  cpSync('dist', dir, { recursive: true });
  rmSync(join(dir, 'content'), { recursive: true, force: true });
  const out = join(dir, 'content');
  // The root alone: the instants below name the sample's own slides (its feeds: test/e2e/feeds.test.ts).
  const source = join(dir, 'source');
  cpSync('content', source, { recursive: true });
  const { feeds: _feeds, ...settings } = JSON.parse(readFileSync(join(source, 'settings.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(source, 'settings.json'), JSON.stringify(settings));
  const r = await compileContent({ contentDir: source, outDir: out, now: Date.parse('2026-10-01T00:00:00+08:00'), calendarYears: [2026, 2027] });
  expect(r.ok).toBe(true);
  writeProblems(out, r.problems);
  [browser, server] = await Promise.all([launch(), serveStatic(dir)]);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'America/New_York' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The preview at a URL query (as typed: not encoded here), once it has drawn. */
async function preview(query: string, page?: Page): Promise<Page> {
  const p = page ?? (await context.newPage());
  await p.goto(`${server.url}preview.html?${query}`);
  await p.locator('preview-app section.excluded').waitFor({ timeout: 20_000 });
  return p;
}

const text = (page: Page, sel: string) => page.locator(`preview-app ${sel}`).first().textContent();

describe('the preview staff can trust', () => {
  it('says the screen is off, and when it turns on, instead of a loop (item 1)', async () => {
    const page = await preview('screen=lvyuan-gate&at=2026-12-02T03:00:00%2B08:00&lang=zh-Hant');
    expect(await text(page, 'section.loop')).toContain('螢幕關閉（營業時間外） · 2026-12-02 06:30 開啟');
    expect(await page.locator('preview-app .mode').count()).toBe(0);
    expect(await page.locator('preview-app section.loop .strip').count()).toBe(0);
    // The day timeline starts at the screen's hours.
    expect(await page.locator('preview-app section.timeline thead th').nth(1).textContent()).toBe('06:30');
    await preview('screen=yingshijie-lobby&at=2026-12-05T10:00&lang=zh-Hant', page);
    expect(await text(page, 'section.loop')).toContain('螢幕關閉（營業時間外） · 2026-12-07 08:00 開啟');
    expect(await text(page, 'section.timeline tbody')).toContain('螢幕關閉');
    await page.close();
  });

  it('shows drafts beside the loop, marked, never in it or in the mode line (item 2)', async () => {
    const page = await preview('screen=lvyuan-gate&at=2026-12-04T10:00&lang=zh-Hant');
    expect(await page.locator('preview-app .mode').getAttribute('data-mode')).toBe('loop');
    expect(await text(page, '.mode')).toContain('正常循環');
    const loop = await page.locator('preview-app section.loop .strip li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-item')));
    expect(loop).not.toContain('alerts/cold-wave-blue');
    expect(await page.locator('preview-app section.drafts li').getAttribute('data-item')).toBe('alerts/cold-wave-blue');
    expect(await text(page, 'section.drafts')).toContain('草稿（不會播出）');
    await page.close();
  });

  it('highlights the slide on air at the instant, with its offset in the loop (item 3)', async () => {
    const page = await preview('screen=lvyuan-gate&at=2026-10-18T09:00:00%2B08:00&lang=zh-Hant');
    const onAir = page.locator('preview-app section.loop .strip li.on-air');
    expect(await onAir.getAttribute('data-item')).toBe('notices/volunteer-recruit');
    expect(await onAir.locator('button > span.meta').textContent()).toMatch(/^▶ 播出中 16\. 6:17 · notices\/volunteer-recruit/);
    expect(await text(page, '.on-air-line')).toContain('循環第 6:42');
    // The large view shows it until staff pick another.
    expect(await onAir.locator('button').getAttribute('aria-pressed')).toBe('true');
    expect(await text(page, 'figure.large figcaption')).toMatch(/^notices\/volunteer-recruit:/);
    await page.close();
  });

  it('reads `at` as a person types it, in the site zone, and says when it cannot (item 4)', async () => {
    // The README's "+08:00" typed literally: the URL makes the "+" a space.
    const page = await preview('screen=lvyuan-gate&at=2026-10-18T09:00:00+08:00&lang=zh-Hant');
    expect(await page.locator('preview-app input.date').inputValue()).toBe('2026-10-18');
    expect(await page.locator('preview-app input.time').inputValue()).toBe('09:00');
    // A bare date-time: the site's zone (Asia/Shanghai), not the browser's (New York).
    await preview('screen=lvyuan-gate&at=2026-10-18T09:00&lang=zh-Hant', page);
    expect(await page.locator('preview-app section.loop .strip li.on-air').getAttribute('data-item')).toBe('notices/volunteer-recruit');
    await preview('screen=lvyuan-gate&at=2026-10-18&lang=zh-Hant', page);
    expect(await page.locator('preview-app input.time').inputValue()).toBe('00:00');
    await preview('screen=lvyuan-gate&at=tomorrow&lang=zh-Hant', page);
    expect(await text(page, '.unread-at')).toContain('無法讀取 at=tomorrow');
    await page.close();
  });

  it('takes date and time as YYYY-MM-DD and 24-hour HH:mm whatever the browser locale (item 9)', async () => {
    const page = await preview('screen=lvyuan-gate&at=2026-10-18T21:30:00%2B08:00&lang=zh-Hant');
    const date = page.locator('preview-app input.date');
    const time = page.locator('preview-app input.time');
    expect([await date.getAttribute('type'), await time.getAttribute('type')]).toEqual(['text', 'text']);
    expect(await time.inputValue()).toBe('21:30');
    await date.fill('2026-10-19');
    await date.press('Enter');
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('at'))).toBe('2026-10-19T13:30:00.000Z');
    await time.fill('9:05');
    await time.press('Enter');
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('at'))).toBe('2026-10-19T01:05:00.000Z');
    await time.fill('9 am');
    await time.press('Enter');
    expect(await time.getAttribute('aria-invalid')).toBe('true');
    await page.close();
  });

  it('loads with no 404 (problems.json, favicon) and breaks no id inside a word (item 9)', async () => {
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    await preview('screen=qingxi-corridor&at=2026-10-18T09:00:00%2B08:00&lang=zh-Hant', page);
    await page.evaluate(() => document.querySelector('preview-app')!.updateComplete);
    expect(failed).toEqual([]);
    // Every run of letters and digits in the portrait strip's captions lies on one line.
    const broken = await page.evaluate(() => {
      const out: string[] = [];
      for (const meta of document.querySelector('preview-app')!.shadowRoot!.querySelectorAll('.strip li > button > span.meta, .strip li > span.meta')) {
        const walker = document.createTreeWalker(meta, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          for (const m of (n.textContent ?? '').matchAll(/[A-Za-z0-9]{2,}/g)) {
            const r = document.createRange();
            r.setStart(n, m.index);
            r.setEnd(n, m.index + m[0].length);
            const tops = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
            if (tops.size > 1) out.push(m[0]);
          }
        }
      }
      return out;
    });
    expect(broken).toEqual([]);
    await page.close();
  });
});

describe('the kiosk reads `at` as the preview does (item 4)', () => {
  async function kiosk(query: string): Promise<Page> {
    const page = await context.newPage();
    await page.clock.install({ time: new Date('2026-07-01T12:00:00Z') });
    await page.clock.pauseAt(new Date('2026-07-01T12:00:01Z'));
    await page.goto(`${server.url}?${query}`);
    return page;
  }
  const settled = (page: Page) => page.evaluate(() => new Promise<{ state: string | null; item: string | null; time: string }>((resolve) => {
    const read = () => {
      const app = document.querySelector('kiosk-app')!;
      const state = app.getAttribute('data-state');
      if (state === 'off' || (state === 'on' && app.hasAttribute('data-item'))) {
        resolve({ state, item: app.getAttribute('data-item'), time: app.querySelector('time')?.textContent ?? '' });
        return true;
      }
      return false;
    };
    if (read()) return;
    const obs = new MutationObserver(() => read() && obs.disconnect());
    obs.observe(document.body, { subtree: true, attributes: true });
  }));

  it('takes the README\'s literal "+08:00", and a bare date-time in the site zone, not the box\'s', async () => {
    let page = await kiosk('screen=lvyuan-gate&at=2026-10-18T09:00:00+08:00');
    expect(await settled(page)).toMatchObject({ state: 'on', item: 'notices/volunteer-recruit' });
    expect(await page.evaluate(() => document.body.hasAttribute('data-unread-at'))).toBe(false);
    await page.close();
    page = await kiosk('screen=lvyuan-gate&at=2026-10-18T09:00');
    expect(await settled(page)).toMatchObject({ state: 'on', item: 'notices/volunteer-recruit' });
    await page.close();
    // A bare date is the site's midnight: the gate screen is dark, its clock at 00:00.
    page = await kiosk('screen=lvyuan-gate&at=2026-10-18');
    expect(await settled(page)).toMatchObject({ state: 'off', time: '00:00' });
    await page.close();
  });

  it('reads a bare `at` in the zone of the site\'s settings, learnt from its frames (once, then remembered)', async () => {
    // A site in Tokyo: the first load reads 09:00 in the default zone, the frames say Asia/Tokyo,
    // the page reads it again there.
    const tokyo = mkdtempSync(join(tmpdir(), 'sw-trust-tokyo-'));
    const src = mkdtempSync(join(tmpdir(), 'sw-trust-tokyo-src-'));
    cpSync('content', src, { recursive: true });
    const settingsFile = join(src, 'settings.json');
    writeFileSync(settingsFile, readFileSync(settingsFile, 'utf8').replace('"Asia/Shanghai"', '"Asia/Tokyo"'));
    cpSync('dist', tokyo, { recursive: true });
    rmSync(join(tokyo, 'content'), { recursive: true, force: true });
    const r = await compileContent({ contentDir: src, outDir: join(tokyo, 'content'), now: Date.parse('2026-10-01T00:00:00+08:00'), calendarYears: [2026, 2027] });
    expect(r.ok).toBe(true);
    const site = await serveStatic(tokyo);
    const ctx = await browser.newContext({ timezoneId: 'America/New_York' });
    try {
      const page = await ctx.newPage();
      await page.clock.install({ time: new Date('2026-07-01T12:00:00Z') });
      await page.clock.pauseAt(new Date('2026-07-01T12:00:01Z'));
      await page.goto(`${site.url}?screen=lvyuan-gate&at=2026-10-18T09:00`);
      const clockAt = () => page.evaluate(() => document.querySelector('kiosk-app')?.clock?.now()).catch(() => undefined);
      await expect.poll(clockAt, { timeout: 20_000 }).toBe(Date.parse('2026-10-18T09:00:00+09:00'));
      expect(await page.evaluate(() => localStorage.getItem('science-window:zone'))).toBe('Asia/Tokyo');
    } finally {
      await ctx.close();
      await site.close();
      rmSync(tokyo, { recursive: true, force: true });
      rmSync(src, { recursive: true, force: true });
    }
  });

  it('says on the glass when `at` cannot be read, and plays real time', async () => {
    const page = await kiosk('screen=lvyuan-gate&at=18/10/2026');
    await settled(page);
    expect(await page.evaluate(() => getComputedStyle(document.body, '::after').content)).toContain('無法讀取 at=18/10/2026');
    await page.close();
  });
});
