/**
 * Nothing lost: a kiosk with a fleet server plays a simulated day (the page's fake clock) with
 * the server unreachable, its browser is killed mid-slide and started again on the same
 * profile, and then the server comes back answering some batches with 500s and resets. The
 * server ends up with exactly the plays the glass showed, per item, each once; the killed slide
 * as a crash, the nights as screen-off. Chromium, the built app and the real fleet server
 * (PGlite in memory) on one origin.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Db } from '../../tools/fleet/db.ts';
import { migrate } from '../../tools/fleet/migrations.ts';
import { type RunningFleet, startFleetServer } from '../../tools/fleet/server.ts';
import { screenToken } from '../../tools/fleet/tokens.ts';
import { compileContent } from '../../tools/lib/compile.ts';
import { SECRET } from '../fleet/fixtures.ts';
import { ITEMS, SCREEN, writeProofContent } from '../fixtures/proof/content.ts';
import { launchOwn, type OwnBrowser } from './matrix/own-browser.ts';
import { waitForController } from './page-state.ts';

const DAY = Date.parse('2026-11-18T00:00:00+08:00');
const H = 3_600_000;

/** The API's answers while the test says so: 'down' resets every request, 'flaky' breaks some batches. */
let mode: 'up' | 'down' | 'flaky' = 'up';
const flaky: ('500' | 'reset')[] = [];
let broken = 0;

function intercept(req: IncomingMessage, res: ServerResponse, path: string): boolean {
  if (mode === 'down') {
    req.socket.destroy();
    return true;
  }
  if (mode === 'flaky' && path === '/api/v1/records') {
    const fault = flaky.shift();
    if (!fault) return false;
    broken++;
    if (fault === 'reset') req.socket.destroy();
    else res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"error":"server-error"}');
    return true;
  }
  return false;
}

/** What the glass showed: each slide once, as (item, its start on the page's clock). */
const glass = new Map<string, { item: string; since: number }>();

async function open(own: OwnBrowser, at: number, query: string): Promise<Page> {
  const page = await own.context.newPage();
  await page.exposeBinding('__glass', (_src, item: string, since: number) => void glass.set(`${item}@${since}`, { item, since }));
  await page.addInitScript(() => {
    addEventListener('DOMContentLoaded', () => {
      const app = document.querySelector('kiosk-app')!;
      new MutationObserver(() => {
        const d = app.dataset;
        if (d.state === 'on' && d.item && d.since) void (window as unknown as { __glass(i: string, s: number): void }).__glass(d.item, Number(d.since));
      }).observe(app, { attributes: true });
    });
  });
  await page.clock.install({ time: new Date(at) });
  await page.goto(`${fleet.url}?${query}`);
  await waitForController(page);
  // The content in place and the glass lit or dark (the clock runs in real time till then).
  await page.waitForFunction(() => ['on', 'off'].includes(document.querySelector('kiosk-app')?.dataset.state ?? ''), undefined, { timeout: 60_000 });
  // From here the page's time is the test's (paused, moved by play()); the load ran in real time.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
  return page;
}

/** The worker's open period: what it has recorded as on the glass now. */
const recorded = (page: Page) => page.evaluate(() => new Promise<{ item?: string; started?: number } | undefined>((resolve) => {
  const req = indexedDB.open('science-window');
  req.onsuccess = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains('fleet')) return resolve(undefined);
    const get = db.transaction('fleet').objectStore('fleet').get('fleet');
    get.onsuccess = () => (db.close(), resolve((get.result as { open?: { item?: string; started?: number } } | undefined)?.open));
  };
  req.onerror = () => resolve(undefined);
}));

/** Moves the page's clock to `until` in steps, as a day passes. */
async function play(page: Page, until: number, stepMs = 10 * 60_000): Promise<void> {
  for (let t = await page.evaluate(() => Date.now()); t < until; t = await page.evaluate(() => Date.now())) {
    await page.clock.runFor(Math.min(stepMs, until - t));
  }
}

let db: Db;
let fleet: RunningFleet;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-proof-'));
  const site = join(dir, 'site');
  cpSync('dist', site, { recursive: true });
  rmSync(join(site, 'content'), { recursive: true, force: true });
  writeProofContent(join(dir, 'content'));
  const built = await compileContent({ contentDir: join(dir, 'content'), outDir: join(site, 'content'), now: DAY, calendarYears: [2026, 2027] });
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  db = await openPglite();
  await migrate(db);
  fleet = await startFleetServer({ db, secret: SECRET, distDir: site, intercept });
}, 120_000);

afterAll(async () => {
  await fleet?.close();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('proof of play, end to end', () => {
  it('a day offline, a kill mid-slide, a flaky server: the server holds exactly the plays the glass showed', async () => {
    // A clean start (also for vitest's retry): the fleet empty, the API up, nothing seen.
    await db.exec('DELETE FROM plays; DELETE FROM periods; DELETE FROM screen_state; DELETE FROM presence;');
    [mode, broken, flaky.length] = ['up', 0, 0];
    glass.clear();
    const profile = join(dir, `profile-${Date.now()}`);
    let own = await launchOwn(profile);
    try {
    // Loaded online at 07:50, with the token in the URL (remembered from then on); then the fleet goes away.
    let page = await open(own, DAY + 7 * H + 50 * 60_000, `screen=${SCREEN}&token=${screenToken(SECRET, SCREEN)}`);
    expect(await page.locator('kiosk-app').getAttribute('data-state')).toBe('off');
    mode = 'down';

    // The morning, then a slide that has been on the glass a few seconds when the power goes.
    await play(page, DAY + 12 * H + 30 * 60_000 + 20_000);
    const onGlass = await page.locator('kiosk-app').evaluate((app: HTMLElement) => ({ item: app.dataset.item, since: Number(app.dataset.since) }));
    expect(onGlass.item).toBeTruthy();
    await expect.poll(() => recorded(page), { timeout: 30_000 }).toEqual(expect.objectContaining({ item: onGlass.item, started: onGlass.since }));
    const morning = glass.size;
    expect(morning).toBeGreaterThan(200); // 08:00–12:30, one-minute slides
    await own.kill();

    // Started again ten minutes later on the same profile, with no token in the URL, still offline.
    own = await launchOwn(profile);
    page = await open(own, DAY + 12 * H + 40 * 60_000, `screen=${SCREEN}`);
    await play(page, DAY + 24 * H);
    await expect.poll(() => page.locator('kiosk-app').getAttribute('data-state')).toBe('off');

    // The server is back, breaking some batches; the page's minute ticks drive the uploads on.
    const shown = [...glass.values()];
    flaky.push('500', 'reset', '500', 'reset');
    mode = 'flaky';
    const plays = () => db.query<{ n: number }>('SELECT count(*)::int AS n FROM plays WHERE screen = $1', [SCREEN]).then((r) => r[0]!.n);
    for (let i = 0; i < 120 && (await plays()) < shown.length; i++) await page.clock.runFor(60_000);
    await expect.poll(plays, { timeout: 30_000 }).toBe(shown.length);
    expect(broken).toBe(4);

    const rows = await db.query<{ item: string; started: Date; completed: boolean; ended_by: string }>(
      'SELECT item, started, completed, ended_by FROM plays WHERE screen = $1', [SCREEN]);
    const perItem = (xs: { item: string }[]) => Object.fromEntries(ITEMS.map((id) => [id, xs.filter((x) => x.item === id).length]));
    expect(perItem(rows)).toEqual(perItem(shown));
    // Each play once, and each the glass showed: the same starts.
    expect(new Set(rows.map((r) => `${r.item}@${r.started.getTime()}`))).toEqual(new Set(glass.keys()));
    // The slide on the glass when the power went: interrupted, not lost.
    const crash = rows.filter((r) => r.ended_by === 'crash');
    expect(crash.map((r) => [r.item, r.started.getTime(), r.completed])).toEqual([[onGlass.item, onGlass.since, false]]);
    expect(rows.filter((r) => r.ended_by === 'next' && r.completed).length).toBeGreaterThan(500);
    // Dark from the page's start to 08:00: a screen-off period (the evening's is still open at midnight).
    const off = await db.query<{ started: Date; seconds: number }>("SELECT started, seconds FROM periods WHERE screen = $1 AND type = 'off'", [SCREEN]);
    expect(off).toHaveLength(1);
    expect(off[0]!.started.getTime() - (DAY + 7 * H + 50 * 60_000)).toBeGreaterThanOrEqual(0);
    expect(off[0]!.started.getTime() + off[0]!.seconds * 1000).toBe(DAY + 8 * H);
    const beats = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM screen_state WHERE screen = $1', [SCREEN]);
    expect(beats[0]!.n).toBe(1);
    } finally {
      await own.kill();
    }
  }, 600_000);
});
