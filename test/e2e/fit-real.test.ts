/**
 * Every slide of the sample content's loop fits its box in the built app, with real pictures
 * loading as they do on a screen, at 1080×1920 (the corridor) and 1920×1080 (the gate).
 */
import { describe, expect, it } from 'vitest';
import { browserOnDist } from './harness.ts';

const AT = '2026-10-18T09:00:00+08:00';
const env = browserOnDist();

interface Fit {
  pages: number;
  sh: number;
  ch: number;
  sw: number;
  cw: number;
  font: number;
}

describe('text fits on the real screens', () => {
  it.each([['qingxi-corridor', 1080, 1920], ['lvyuan-gate', 1920, 1080]] as const)('%s (%i×%i): every slide of one loop', async (screen, width, height) => {
    const page = await env.browser.newPage({ viewport: { width, height } });
    await page.clock.install({ time: new Date(AT) });
    await page.goto(`${env.server.url}?screen=${screen}`);
    const app = page.locator('kiosk-app');
    await expect.poll(() => app.getAttribute('data-item'), { timeout: 20_000 }).not.toBeNull();
    const seen = new Map<string, Fit>();
    for (let i = 0; i < 80 && seen.size < 12; i++) {
      const id = (await app.getAttribute('data-item'))!;
      if (!seen.has(id)) {
        await page.waitForTimeout(800); // pictures load, the fit settles
        const fit = await page.evaluate(() => {
          const slide = document.querySelector('kiosk-app')!.querySelector<HTMLElement & { pages: unknown[] }>('[data-item]')!;
          const box = slide.querySelector<HTMLElement>('.fit')!;
          return { pages: slide.pages.length, sh: box.scrollHeight, ch: box.clientHeight, sw: box.scrollWidth, cw: box.clientWidth, font: parseFloat(getComputedStyle(box).fontSize) };
        });
        seen.set(id, fit);
      }
      await page.clock.runFor(6_000);
      await page.waitForTimeout(60);
    }
    expect(seen.size).toBeGreaterThanOrEqual(10);
    const short = Math.min(width, height);
    for (const [id, f] of seen) {
      expect(f.sh, `${id}: height`).toBeLessThanOrEqual(f.ch + 1);
      expect(f.sw, `${id}: width`).toBeLessThanOrEqual(f.cw + 1);
      expect(f.font, `${id}: body text at least 40 px at 1080p`).toBeGreaterThanOrEqual((40 * short) / 1080 - 0.5);
    }
    await page.close();
  });
});
