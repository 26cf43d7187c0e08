/**
 * Soak: the built kiosk in Chromium (the sample content, the gate screen) through 100,000 slide
 * changes under the page's fake clock, about four weeks of glass (its
 * nights and mornings included). Every
 * 10,000 changes it collects garbage and reads the page's JS heap, DOM nodes and event
 * listeners (Chrome DevTools Protocol). Goal: ≤ 2 MB heap growth and flat nodes and listeners
 * from the first reading to the last (the first is taken after 10,000 changes, warm).
 *
 * The page makes its own frames here (service workers blocked: the no-worker path): a worker
 * answers in real time, while an hour of fake time passes in a fraction of a second, so its
 * frames would always come an hour late and the soak would measure that race, not the glass.
 * <kiosk-app> and everything it draws are the same on both paths.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { runDirectly } from '../lib/cli.ts';
import { serveStatic } from '../lib/static-server.ts';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CHANGES = 100_000;
const EVERY = 10_000;

interface Reading { changes: number; heap: number; nodes: number; listeners: number; simDays: number }

export async function benchSoak(changes = CHANGES): Promise<void> {
  if (!existsSync('dist/index.html')) {
    console.log('soak: skipped (run `npm run build` first)');
    return;
  }
  // A copy: a rebuild of dist/ meanwhile would be an app update, and the page would reload.
  const site = mkdtempSync(join(tmpdir(), 'sw-soak-'));
  cpSync('dist', site, { recursive: true });
  const server = await serveStatic(site);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const started = performance.now();
  try {
    // A small viewport: the soak looks for growth, not for paint speed (software raster of a full
    // HD frame per change would triple its time and change nothing that it measures).
    const page = await browser.newPage({ viewport: { width: 640, height: 360 }, serviceWorkers: 'block' });
    const start = Date.parse('2026-10-18T09:00:00+08:00');
    await page.clock.install({ time: new Date(start) });
    await page.addInitScript(() => {
      const w = window as unknown as { changes: number };
      w.changes = 0;
      addEventListener('kiosk-slide-change', () => w.changes++, true);
    });
    // The gate screen plays 06:30–22:00: the soak goes through its nights and mornings too.
    await page.goto(`${server.url}?screen=lvyuan-gate`);
    await page.waitForFunction(() => document.querySelector('kiosk-app')?.getAttribute('data-item'), undefined, { timeout: 30_000 });
    const cdp = await page.context().newCDPSession(page);
    const count = () => page.evaluate(() => (window as unknown as { changes: number }).changes);
    const read = async (): Promise<Reading> => {
      // Caches dropped as under memory pressure, then a full collection: what stays is what the page holds.
      await cdp.send('Memory.simulatePressureNotification', { level: 'critical' });
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      const dom = await cdp.send('Memory.getDOMCounters');
      return { changes: await count(), heap, nodes: dom.nodes, listeners: dom.jsEventListeners, simDays: ((await page.evaluate(() => Date.now())) - start) / 86_400_000 };
    };
    const readings: Reading[] = [];
    let next = EVERY;
    let hours = 0;
    while ((await count()) < changes) {
      // An hour of glass at a time; the page's own timers (slide, page and minute turns) fire in order.
      await page.clock.runFor(3_600_000);
      if (++hours % 24 === 0 && process.env.SOAK_VERBOSE) console.log(`  … day ${hours / 24}: ${await count()} changes`);
      if ((await count()) >= next) {
        const r = await read();
        readings.push(r);
        console.log(`  ${String(r.changes).padStart(7)} changes (${r.simDays.toFixed(1)} days): heap ${(r.heap / 1048576).toFixed(2)} MB, ${r.nodes} DOM nodes, ${r.listeners} listeners`);
        next += EVERY;
      }
    }
    const [a, b] = [readings[0]!, readings.at(-1)!];
    const growth = (b.heap - a.heap) / 1048576;
    console.log(`  growth from ${a.changes} to ${b.changes} changes: heap ${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MB (goal ≤ 2 MB: ${growth <= 2 ? 'met' : 'NOT MET'}), ` +
      `nodes ${b.nodes - a.nodes >= 0 ? '+' : ''}${b.nodes - a.nodes}, listeners ${b.listeners - a.listeners >= 0 ? '+' : ''}${b.listeners - a.listeners} ` +
      `(${((performance.now() - started) / 1000).toFixed(0)} s real time)`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
}

// `npx tsx tools/bench/soak.ts [changes]` runs the soak alone.
if (runDirectly(import.meta.url)) {
  console.log('soak: slide changes in Chromium, fake clock');
  await benchSoak(Number(process.argv[2] ?? CHANGES));
}
