/**
 * The staff preview on a box that runs the kiosk: its "this browser's kiosk data" section is
 * asked of the kiosk's service worker through the bridge (src/bridge/worker-state.ts), and
 * shows the version the worker committed. In a fresh profile (no worker) it says so at once.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContent } from '../../tools/lib/compile.ts';
import { type RunningServer, serveStatic } from '../../tools/lib/static-server.ts';
import { launch } from './harness.ts';
import { activeVersion, waitForController } from './page-state.ts';

const AT = '2026-10-18T09:00:00+08:00';
const dir = mkdtempSync(join(tmpdir(), 'sw-preview-state-'));
let browser: Browser;
let server: RunningServer;
let published: string;

beforeAll(async () => {
  cpSync('dist', dir, { recursive: true });
  rmSync(join(dir, 'content'), { recursive: true, force: true });
  const r = await compileContent({ contentDir: 'test/fixtures/preview', outDir: join(dir, 'content'), now: Date.parse(AT), calendarYears: [2026, 2027] });
  expect(r.ok).toBe(true);
  published = r.manifest!.version;
  [browser, server] = await Promise.all([launch(), serveStatic(dir)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const syncSection = 'preview-app section[aria-labelledby="sync-h"]';

describe('preview: the kiosk state through the worker', () => {
  it('shows the version the kiosk worker committed, the same as published', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const kiosk = await context.newPage();
    await kiosk.goto(`${server.url}?screen=corridor`);
    await waitForController(kiosk);
    await expect.poll(() => activeVersion(kiosk), { timeout: 20_000 }).toBe(published);

    const preview = await context.newPage();
    await preview.goto(`${server.url}preview.html?screen=corridor&at=${encodeURIComponent(AT)}&lang=en`);
    const section = preview.locator(syncSection);
    await expect.poll(() => section.textContent(), { timeout: 20_000 }).toContain(published.slice(0, 12));
    expect(await section.textContent()).toContain('(same as published)');
    await context.close();
  });

  it('says at once that a browser without the kiosk has no kiosk data', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const preview = await context.newPage();
    const start = Date.now();
    await preview.goto(`${server.url}preview.html?screen=corridor&at=${encodeURIComponent(AT)}&lang=en`);
    await expect.poll(() => preview.locator(syncSection).textContent(), { timeout: 10_000 }).toContain('has not run the kiosk yet');
    expect(Date.now() - start).toBeLessThan(10_000);
    await context.close();
  });
});
