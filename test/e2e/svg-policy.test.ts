/**
 * A scripted SVG that reached the screen's origin some other way than the compiler (which
 * refuses it) cannot run its script when opened by its own URL: neither from the worker's
 * content cache nor from the project's server (both serve SVG with a script-free CSP).
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, serveStatic } from '../../tools/lib/static-server.ts';
import { launch } from './harness.ts';
import { activeVersion, waitForController } from './page-state.ts';
import type { Browser } from 'playwright-core';

const EVIL = '<svg xmlns="http://www.w3.org/2000/svg"><script>localStorage.setItem("xss", document.domain); window.ran = true;</script><rect width="10" height="10"/></svg>';
const hash = createHash('sha256').update(EVIL).digest('hex');
const dir = mkdtempSync(join(tmpdir(), 'sw-svg-policy-'));
let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  cpSync('dist', dir, { recursive: true });
  writeFileSync(join(dir, 'content/assets', `${hash}.svg`), EVIL);
  [browser, server] = await Promise.all([launch(), serveStatic(dir)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ran = async (page: Page) => page.evaluate(() => (window as unknown as { ran?: boolean }).ran === true).catch(() => false);

describe('an SVG opened by its own URL', () => {
  it('runs no script when the project\'s server serves it', async () => {
    const page = await browser.newPage({ serviceWorkers: 'block' });
    const res = await page.goto(`${server.url}content/assets/${hash}.svg`);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(await ran(page)).toBe(false);
    await page.goto(`${server.url}?screen=lvyuan-gate`);
    expect(await page.evaluate(() => localStorage.getItem('xss'))).toBeNull();
    await page.close();
  });

  it('runs no script when the worker answers it from the content cache', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}?screen=lvyuan-gate`);
    await waitForController(page);
    await expect.poll(() => activeVersion(page), { timeout: 20_000 }).toBeDefined();
    const url = `${server.url}content/assets/${hash}.svg`;
    await page.evaluate(async ([u, body]) => {
      const cache = await caches.open('science-window-content');
      await cache.put(u!, new Response(body, { headers: { 'Content-Type': 'image/svg+xml' } }));
    }, [url, EVIL]);
    await server.close(); // the answer can only come from the worker's cache
    const res = await page.goto(url);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(await ran(page)).toBe(false);
    expect(await page.evaluate(() => { try { return localStorage.getItem('xss'); } catch { return 'no storage (sandboxed)'; } })).not.toBe(new URL(url).hostname);
    await context.close();
    server = await serveStatic(dir);
  });
});
