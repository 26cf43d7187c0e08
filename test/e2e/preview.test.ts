/**
 * The staff preview in Chromium, on the built app with a fixture content set: the loop and
 * the reasons for what is left out, in plain words; keyboard-only use; axe-core finds nothing.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContent } from '../../tools/lib/compile.ts';
import { type RunningServer, serveStatic } from '../../tools/lib/static-server.ts';
import { launch } from './harness.ts';

const AT = '2026-10-18T09:00:00+08:00';
const dir = mkdtempSync(join(tmpdir(), 'sw-preview-'));
let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  cpSync('dist', dir, { recursive: true });
  rmSync(join(dir, 'content'), { recursive: true, force: true });
  const r = await compileContent({ contentDir: 'test/fixtures/preview', outDir: join(dir, 'content'), now: Date.parse(AT), calendarYears: [2026, 2027] });
  expect(r.ok).toBe(true);
  [browser, server] = await Promise.all([launch(), serveStatic(dir)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(query: string, bypassCSP = false): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${server.url}preview.html?${query}`);
  await page.locator('preview-app section.excluded').waitFor({ timeout: 20_000 });
  return page;
}

/** Excluded rows as [id, reasons] pairs. */
async function excluded(page: Page): Promise<[string, string][]> {
  return page.locator('preview-app section.excluded tbody tr').evaluateAll((rows) =>
    rows.map((r) => [r.querySelector('code')?.textContent ?? '', r.querySelector('td')?.textContent ?? '']));
}

describe('staff preview', () => {
  it('lists the loop and, for every item left out, its reason in plain words', async () => {
    const page = await open(`screen=corridor&at=${encodeURIComponent(AT)}&lang=zh-Hant`);
    expect(await excluded(page)).toEqual([
      ['draft', '草稿（只在預覽顯示）'],
      ['lvyuan-only', '僅限綠園社區'],
      ['out-of-dates', '不在播放期間 10/20–10/25'],
      ['spring', '只在春季播放（現在是秋季）'],
    ]);
    const strip = await page.locator('preview-app section.loop .strip .meta').allTextContents();
    expect(strip.some((t) => t.includes('chongyang'))).toBe(true);
    expect(strip.some((t) => t.includes('evergreen'))).toBe(true);
    // A draft is never in the loop: beside it, marked (issue 10, item 2).
    expect(strip.some((t) => t.includes('draft'))).toBe(false);
    expect(await page.locator('preview-app section.drafts .meta').allTextContents()).toEqual([expect.stringMatching(/草稿 · draft · \d+ 秒/)]);
    expect(await page.locator('preview-app .mode').textContent()).toContain('正常循環');
    const calendar = await page.locator('preview-app section.calendar').textContent();
    expect(calendar).toContain('九月初九');
    expect(calendar).toContain('重陽節');
    expect(calendar).toContain('寒露');
    await page.context().close();
  });

  it('speaks English when asked, and the same item reaches the gate screen', async () => {
    const page = await open(`screen=gate&at=${encodeURIComponent(AT)}&lang=en`);
    const rows = await excluded(page);
    expect(rows).toEqual([['draft', 'Draft (preview only)'], ['out-of-dates', 'Outside its dates 10/20–10/25'], ['spring', 'Only in Spring (now Autumn)']]);
    await page.context().close();
  });

  it('exports the planned day of the screen in the fleet CSV\'s columns, a row per item the loop plays', async () => {
    const page = await open(`screen=corridor&at=${encodeURIComponent(AT)}&lang=zh-Hant`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('preview-app button.planned-csv').click()]);
    expect(download.suggestedFilename()).toBe('planned-corridor-2026-10-18.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    const [head, ...rows] = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(head).toBe('date,screen,item,title,kind,plays,completed,seconds');
    const strip = await page.locator('preview-app section.loop .strip .meta').allTextContents();
    const items = rows.map((r) => r.split(',')[2]!);
    // Every item of the loop at 09:00 is planned that day; drafts never are.
    for (const id of ['chongyang', 'evergreen']) expect(strip.some((t) => t.includes(id)) && items.some((i) => i.includes(id))).toBe(true);
    expect(items.some((i) => i.includes('draft'))).toBe(false);
    expect(rows.every((r) => r.startsWith('2026-10-18,corridor,') && Number(r.split(',')[5]) > 0)).toBe(true);
    await page.context().close();
  });

  it('works with the keyboard alone: screen, day and hour steps, the large view', async () => {
    const page = await open(`screen=gate&at=${encodeURIComponent(AT)}&lang=zh-Hant`);
    const app = page.locator('preview-app');
    const date = app.locator('input.date');
    await app.locator('select').focus();
    await page.keyboard.press('ArrowUp'); // the other screen in the list (corridor, gate)
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('screen'))).not.toBe('gate');
    // Tab to "+ 1 天" and press Enter.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => document.querySelector('preview-app')?.shadowRoot?.activeElement?.textContent?.trim());
      reached = label === '+ 1 天';
    }
    expect(reached, 'Tab reaches the "+ 1 天" button').toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => date.inputValue()).toBe('2026-10-19');
    // The first thumbnail, by keyboard, selects the large view.
    await app.locator('.strip button').first().focus();
    await page.keyboard.press('Enter');
    expect(await app.locator('.strip button').first().getAttribute('aria-pressed')).toBe('true');
    await page.context().close();
  });

  it('has no axe-core violations', async () => {
    const page = await open(`screen=gate&at=${encodeURIComponent(AT)}&lang=zh-Hant`, true);
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
