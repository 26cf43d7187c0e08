/**
 * Sync bytes on the wire, measured at the server (response bodies under /content/), with the
 * built kiosk in Chromium on 1,000 generated items:
 *  (a) no change: one 304 with an empty body;
 *  (b) 1 of 1,000 items changed: goal ≤ 1.1 × (root manifest + the changed page + that item);
 *  (c) first sync: goal ≤ 1.05 × the content's total size.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Manifest } from '../../src/content/manifest.ts';
import { compileContent } from '../lib/compile.ts';
import { serveStatic } from '../lib/static-server.ts';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function benchSync(contentDir: string): Promise<void> {
  if (!existsSync('dist/index.html')) {
    console.log('sync bytes: skipped (run `npm run build` first)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-sync-'));
  const site = join(dir, 'site');
  cpSync('dist', site, { recursive: true });
  rmSync(join(site, 'content'), { recursive: true, force: true });
  const settingsFile = join(contentDir, 'settings.json');
  writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(readFileSync(settingsFile, 'utf8')), syncInterval: 10 }));
  const now = Date.parse('2026-10-18T01:00:00Z');
  const publish = async () => (await compileContent({ contentDir, outDir: join(site, 'content'), now })).manifest as Manifest;
  const first = await publish();
  const server = await serveStatic(site);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const page = await browser.newPage();
    await page.clock.install({ time: new Date(now) });
    // Reads never create the database: it is the service worker's to create.
    const active = () => page.evaluate(() => new Promise<string | undefined>((res) => {
      const o = indexedDB.open('science-window');
      o.onupgradeneeded = () => o.transaction?.abort();
      o.onsuccess = () => {
        if (!o.result.objectStoreNames.contains('state')) return res(undefined);
        const g = o.result.transaction('state').objectStore('state').get('sync');
        g.onsuccess = () => res((g.result as { activeVersion?: string } | undefined)?.activeVersion);
      };
      o.onerror = () => res(undefined);
    }));
    const until = async (version: string) => {
      for (let i = 0; i < 200 && (await active()) !== version; i++) {
        await page.clock.runFor(1000);
        await page.waitForTimeout(50);
      }
    };
    const content = (from: number) => server.stats.requests.slice(from).filter((r) => r.url.startsWith('/content/'));
    const bytes = (rs: { bytes: number }[]) => rs.reduce((n, r) => n + r.bytes, 0);

    await page.goto(`${server.url}?screen=lvyuan-gate`);
    await until(first.version);
    const total = readFileSync(join(site, 'content/manifest.json')).byteLength + first.calendar.bytes
      + first.pages.reduce((n, e) => n + e.bytes, 0) + first.items.reduce((n, e) => n + e.bytes, 0) + first.assets.reduce((n, e) => n + e.bytes, 0);
    const c = bytes(content(0));
    console.log('sync bytes on the wire (bodies at the server, 1,000 items)');
    console.log(`  (c) first sync: ${c} B for ${total} B of content: ×${(c / total).toFixed(3)} (goal ≤ 1.05)`);

    let mark = server.stats.requests.length;
    // The worker may still be collecting after the first commit: give the next run real time too.
    for (let i = 0; i < 60 && content(mark).length === 0; i++) {
      await page.clock.runFor(3_000);
      await page.waitForTimeout(250);
    }
    const idle = content(mark);
    console.log(`  (a) no change: ${idle.length ? idle.map((r) => `${r.status} ${r.url} ${r.bytes} B`).join(', ') : 'no request seen (the run did not come)'}`);

    const file = join(contentDir, 'items/health/0/item-0.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('科普小知識', '科普小常識'));
    const second = await publish();
    const changed = second.items.find((e) => e.id === 'health/0/item-0')!;
    mark = server.stats.requests.length;
    await until(second.version);
    const b = bytes(content(mark));
    const pages = second.pages.filter((e) => !first.pages.some((o) => o.hash === e.hash));
    const floor = readFileSync(join(site, 'content/manifest.json')).byteLength + pages.reduce((n, e) => n + e.bytes, 0) + changed.bytes;
    console.log(`  (b) 1 of 1,000 changed: ${b} B for root + ${pages.length} page + item = ${floor} B: ×${(b / floor).toFixed(3)} (goal ≤ 1.1); requests: ${content(mark).map((r) => `${r.status} ${r.url.replace(/[0-9a-f]{64}/g, '<sha>')}`).join(', ')}`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
