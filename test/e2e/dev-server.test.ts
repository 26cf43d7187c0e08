/**
 * `npm run dev`: the Vite dev server with the content plugin. Changing a content file updates
 * the open preview at once; a broken file shows its located error in the page while the rest
 * of the preview keeps working; fixing it clears the error. The kiosk plays there too, without
 * a service worker (the network fallback), and takes edits without a reload.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createLogger, createServer, type Logger, type LogErrorOptions, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './harness.ts';

const AT = '2026-10-18T09:00:00+08:00';
const content = join(mkdtempSync(join(tmpdir(), 'sw-dev-')), 'content');
let server: ViteDevServer;
let browser: Browser;
let page: Page;
/** What the dev server printed in its terminal. */
const terminal: string[] = [];

beforeAll(async () => {
  cpSync('test/fixtures/preview', content, { recursive: true });
  process.env.SW_CONTENT_DIR = content;
  const logger = createLogger('error');
  const keep = (f: (m: string, o?: LogErrorOptions) => void) => (m: string, o?: LogErrorOptions) => {
    terminal.push(m);
    if (!m.startsWith('science-window') && !/^\S+:\d+:\d+: /.test(m)) f(m, o);
  };
  const customLogger: Logger = { ...logger, error: keep(logger.error), warn: keep(logger.warn), info: keep(logger.info) };
  server = await createServer({ configFile: 'vite.config.ts', logLevel: 'error', customLogger, server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  browser = await launch();
  page = await browser.newPage();
  const url = server.resolvedUrls!.local[0]!;
  await page.goto(`${url}preview.html?screen=gate&at=${encodeURIComponent(AT)}&lang=zh-Hant`);
  await page.locator('preview-app section.excluded').waitFor({ timeout: 30_000 });
}, 60_000);
afterAll(async () => {
  delete process.env.SW_CONTENT_DIR;
  await browser?.close();
  await server?.close();
  rmSync(join(content, '..'), { recursive: true, force: true });
});

const stripTexts = () => page.locator('preview-app .strip button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? ''));

describe('dev server', () => {
  it('updates the open preview when a content file changes', async () => {
    expect((await stripTexts()).some((t) => t.includes('每天喝足八杯水'))).toBe(true);
    const file = join(content, 'items/evergreen.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('每天喝足八杯水', '每天喝足六杯水'));
    await expect.poll(async () => (await stripTexts()).some((t) => t.includes('每天喝足六杯水')), { timeout: 15_000 }).toBe(true);
  });

  it('plays the kiosk without a service worker, and an emergency alert saved in an editor interrupts at once', async () => {
    const kiosk = await browser.newPage();
    try {
      await kiosk.goto(`${server.resolvedUrls!.local[0]!}?screen=gate&at=${encodeURIComponent(AT)}`);
      const app = kiosk.locator('kiosk-app');
      await expect.poll(() => app.getAttribute('data-item'), { timeout: 20_000 }).not.toBeNull();
      expect(await kiosk.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
      await kiosk.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));
      const file = join(content, 'items/typhoon.json');
      writeFileSync(file, JSON.stringify({ kind: 'alert', priority: 'emergency', title: '颱風紅色警告', body: '請留在室內，遠離窗戶。' }));
      await expect.poll(() => app.getAttribute('data-item'), { timeout: 15_000 }).toBe('typhoon');
      unlinkSync(file);
      await expect.poll(() => app.getAttribute('data-item'), { timeout: 15_000 }).not.toBe('typhoon');
      // No reload: the page that started is the page that plays.
      expect(await kiosk.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
    } finally {
      await kiosk.close();
    }
  });

  it('shows a broken file as a located error, keeps the rest, and clears it once fixed', async () => {
    const file = join(content, 'items/spring.json');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('"title"', '"titel"'));
    const problems = page.locator('preview-app section.problems.errors');
    await expect.poll(async () => (await problems.count()) ? await problems.textContent() : '', { timeout: 15_000 })
      .toMatch(/items\/spring\.json:1:\d+: 不認識的欄位 "titel"，是不是要寫 "title"？/);
    // The last good content still previews; Vite's overlay says what is wrong; so does the terminal.
    expect((await stripTexts()).length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('vite-error-overlay').count(), { timeout: 15_000 }).toBe(1);
    expect(terminal.some((l) => /items\/spring\.json:1:\d+: .*"titel"/.test(l)), terminal.join('\n')).toBe(true);
    writeFileSync(file, good);
    await expect.poll(() => problems.count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.locator('vite-error-overlay').count(), { timeout: 15_000 }).toBe(0);
    expect(terminal.at(-1)).toMatch(/content is good again/);
  });
});
