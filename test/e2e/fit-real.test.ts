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
    // The slides change only when the test moves the page's clock.
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
    const seen = new Map<string, Fit>();
    for (let i = 0; i < 80 && seen.size < 12; i++) {
      const id = (await app.getAttribute('data-item'))!;
      if (!seen.has(id)) {
        const fit = await page.evaluate(async () => {
          const slide = document.querySelector('kiosk-app')!.querySelector<HTMLElement & { pages: unknown[]; updateComplete: Promise<unknown> }>('[data-item]')!;
          const box = slide.querySelector<HTMLElement>('.fit')!;
          // Pictures loaded, laid out (a resize observation: the slide refits then), and fitted.
          await Promise.all([...slide.querySelectorAll('img')].map((i) => i.complete || new Promise((r) => {
            i.addEventListener('load', r, { once: true });
            i.addEventListener('error', r, { once: true });
          })));
          await new Promise<void>((r) => {
            const ro = new ResizeObserver(() => (ro.disconnect(), r()));
            ro.observe(box);
          });
          await slide.updateComplete;
          return { pages: slide.pages.length, sh: box.scrollHeight, ch: box.clientHeight, sw: box.scrollWidth, cw: box.clientWidth, font: parseFloat(getComputedStyle(box).fontSize) };
        });
        seen.set(id, fit);
      }
      await page.clock.runFor(6_000);
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
