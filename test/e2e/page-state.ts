/**
 * Reads the kiosk's own storage from inside the page, as the screen holds it. A read never
 * creates the database (every open aborts its upgrade): it is the service worker's to create,
 * and an empty one made here would stand in the way of its schema.
 */
import type { Page } from 'playwright-core';

/** The active content version in the kiosk's IndexedDB (undefined before the first commit). */
export function activeVersion(page: Page): Promise<string | undefined> {
  return page.evaluate(() => new Promise<string | undefined>((resolve) => {
    const open = indexedDB.open('science-window');
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve(undefined);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('state')) {
        db.close();
        resolve(undefined);
        return;
      }
      const get = db.transaction('state').objectStore('state').get('sync');
      get.onsuccess = () => {
        db.close();
        resolve((get.result as { activeVersion?: string } | undefined)?.activeVersion);
      };
      get.onerror = () => resolve(undefined);
    };
  }));
}

/** Waits until the service worker controls the page (it claims clients on activation). */
export async function waitForController(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 });
}

export interface ActiveSetReport {
  version: string | undefined;
  /** What the active manifest references but the screen does not hold (empty = complete). */
  missing: string[];
  items: number;
}

/**
 * Checks, inside the page, that the active set is complete: every item (but those recorded
 * as skipped), the calendar and every picture of the active manifest are stored.
 */
export function activeSet(page: Page, contentBase: string): Promise<ActiveSetReport> {
  return page.evaluate(async (base) => {
    const req = <T>(r: IDBRequest<T>) => new Promise<T>((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const open = indexedDB.open('science-window');
    open.onupgradeneeded = () => open.transaction?.abort();
    const db = await req(open).catch(() => undefined);
    if (!db) return { version: undefined, missing: ['no database'], items: 0 };
    try {
      const t = db.transaction(['state', 'manifests', 'items', 'calendars']);
      const state = await req(t.objectStore('state').get('sync')) as { activeVersion?: string } | undefined;
      const version = state?.activeVersion;
      if (!version) return { version, missing: ['no active version'], items: 0 };
      const rec = await req(t.objectStore('manifests').get(version)) as
        { manifest: { items: { id: string; hash: string }[]; calendar: { hash: string }; assets: { url: string }[] }; skipped: { hash: string }[] } | undefined;
      if (!rec) return { version, missing: ['active manifest record'], items: 0 };
      const skipped = new Set(rec.skipped.map((s) => s.hash));
      const missing: string[] = [];
      let items = 0;
      // One read of the keys, not a thousand gets: a large set is checked in milliseconds.
      const stored = new Set(await req(t.objectStore('items').getAllKeys()));
      for (const e of rec.manifest.items) {
        if (skipped.has(e.hash)) continue;
        if (stored.has(e.hash)) items++;
        else missing.push(`item ${e.id}`);
      }
      if ((await req(t.objectStore('calendars').getKey(rec.manifest.calendar.hash))) === undefined) missing.push('calendar');
      const cache = await caches.open('science-window-content');
      const cached = new Set((await cache.keys()).map((r) => r.url));
      for (const a of rec.manifest.assets) if (!cached.has(new URL(a.url, base).href)) missing.push(`asset ${a.url}`);
      return { version, missing, items };
    } finally {
      db.close();
    }
  }, contentBase);
}

/** The stored sync state's last error code (undefined after a success). */
export function lastErrorCode(page: Page): Promise<string | undefined> {
  return page.evaluate(() => new Promise<string | undefined>((resolve) => {
    const open = indexedDB.open('science-window');
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve(undefined);
    open.onsuccess = () => {
      const get = open.result.transaction('state').objectStore('state').get('sync');
      get.onsuccess = () => {
        open.result.close();
        resolve((get.result as { lastError?: { code: string } } | undefined)?.lastError?.code);
      };
    };
  }));
}

/** What the corner mark <kiosk-status> shows: sync state, active version, next planned sync. */
export interface SyncMark {
  state: string | undefined;
  version: string | undefined;
  /** The instant of the next planned sync, in the page's (fake) time; undefined while one runs. */
  nextAttempt: number | undefined;
}

export function syncMark(page: Page): Promise<SyncMark> {
  return page.evaluate(() => {
    const el = document.querySelector('kiosk-status');
    const next = el?.getAttribute('data-next-attempt');
    return {
      state: el?.getAttribute('data-sync-state') ?? undefined,
      version: el?.getAttribute('data-version') ?? undefined,
      nextAttempt: next ? Date.parse(next) : undefined,
    };
  });
}

/** Waits (for events, not for a time) until the page's first sync has finished and the next is planned. */
export async function firstSyncDone(page: Page): Promise<SyncMark> {
  await page.evaluate(() => new Promise<void>((resolve) => {
    const planned = () => document.querySelector('kiosk-status')?.hasAttribute('data-next-attempt') ?? false;
    if (planned()) return resolve();
    const obs = new MutationObserver(() => {
      if (!planned()) return;
      obs.disconnect();
      resolve();
    });
    obs.observe(document.body, { subtree: true, childList: true, attributeFilter: ['data-next-attempt'] });
  }));
  return syncMark(page);
}

/**
 * Runs the page's next planned sync, and returns once it has finished and the one after it is
 * planned. The page's fake clock moves exactly to the planned instant and no further, so no fake
 * time passes while the service worker does its real work (network, storage, its own timeouts);
 * the end of the run is observed on <kiosk-status> (data-next-attempt goes while a run is under
 * way and comes back with the next plan), not guessed with a sleep.
 */
export async function runPlannedSync(page: Page, timeoutMs = 30_000): Promise<SyncMark> {
  return (await startPlannedSync(page, timeoutMs)).done();
}

/**
 * Starts the page's next planned sync (as runPlannedSync) and returns once the clock has reached
 * it; `done()` waits for its end. Between the two a test may break something mid-run.
 * @param shiftMs how far the page's wall clock was set (setSystemTime) since the run was planned:
 *   its timer still fires after the planned delay, but data-next-attempt no longer says when
 */
export async function startPlannedSync(page: Page, timeoutMs = 30_000, shiftMs = 0): Promise<{ done(): Promise<SyncMark> }> {
  const { nextAttempt } = await firstSyncDone(page);
  // Armed before the clock moves: it sees the run start (the attribute removed) and end (set again).
  await page.evaluate(() => {
    const w = window as unknown as { __syncRun?: Promise<void> };
    w.__syncRun = new Promise<void>((resolve) => {
      let started = false;
      const obs = new MutationObserver(() => {
        const planned = document.querySelector('kiosk-status')?.hasAttribute('data-next-attempt') ?? false;
        if (!planned) started = true;
        else if (started) {
          obs.disconnect();
          resolve();
        }
      });
      obs.observe(document.body, { subtree: true, childList: true, attributeFilter: ['data-next-attempt'] });
    });
  });
  const now = await page.evaluate(() => Date.now());
  await page.clock.runFor(Math.max(0, nextAttempt! + shiftMs - now));
  return { done: () => syncRunEnd(page, nextAttempt!, timeoutMs) };
}

async function syncRunEnd(page: Page, nextAttempt: number, timeoutMs: number): Promise<SyncMark> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    page.evaluate(() => (window as unknown as { __syncRun: Promise<void> }).__syncRun),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the sync planned for ${new Date(nextAttempt).toISOString()} did not finish in ${timeoutMs / 1000} s`)), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
  return syncMark(page);
}

/**
 * The page's sync status as <kiosk-app> holds it (its `status` feed, which the corner mark
 * draws): readable while the screen is dark, when no mark is drawn and the helpers above,
 * which watch the mark, cannot be used. undefined before the page's sync has started.
 */
export function syncStatus(page: Page): Promise<SyncMark | undefined> {
  return page.evaluate(() => {
    type Feed = { subscribe(l: (s: { state: string; activeVersion?: string; nextAttempt?: number }) => void): () => void };
    const feed = (document.querySelector('kiosk-app') as (Element & { status?: Feed }) | null)?.status;
    if (!feed) return undefined;
    let seen: { state: string; activeVersion?: string; nextAttempt?: number } | undefined;
    feed.subscribe((s) => (seen = s))();
    return seen && { state: seen.state, version: seen.activeVersion, nextAttempt: seen.nextAttempt };
  });
}

/**
 * Waits until the page has a sync planned (polling its state, not waiting for a time: usable in
 * hooks too, where expect.poll is not); returns its status.
 */
export async function syncPlanned(page: Page, timeoutMs = 30_000): Promise<SyncMark & { nextAttempt: number }> {
  for (const end = Date.now() + timeoutMs; ;) {
    const mark = await syncStatus(page);
    if (mark?.nextAttempt !== undefined) return mark as SyncMark & { nextAttempt: number };
    if (Date.now() > end) throw new Error(`no sync planned in ${timeoutMs / 1000} s (status: ${JSON.stringify(mark)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Moves the page's paused clock to `to` (clock.pauseAt: each timer due on the way fires once,
 * as after a laptop lid is opened) and, when a planned sync fell due, waits for that run to
 * end (watched on the page's sync status: its plan goes while the run is under way and comes
 * back with the next). Works lit or dark. Returns the status after.
 */
export async function advanceTo(page: Page, to: number, timeoutMs = 30_000): Promise<SyncMark> {
  const { nextAttempt } = await syncPlanned(page, timeoutMs);
  const due = nextAttempt <= to;
  if (due) {
    await page.evaluate(() => {
      type Feed = { subscribe(l: (s: { nextAttempt?: number }) => void): () => void };
      const feed = (document.querySelector('kiosk-app') as Element & { status: Feed }).status;
      const w = window as unknown as { __statusRun?: Promise<void> };
      w.__statusRun = new Promise<void>((resolve) => {
        let started = false;
        const off = feed.subscribe((s) => {
          if (s.nextAttempt === undefined) started = true;
          else if (started) {
            resolve();
            queueMicrotask(() => off());
          }
        });
      });
    });
  }
  await page.clock.pauseAt(to);
  if (due) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      page.evaluate(() => (window as unknown as { __statusRun: Promise<void> }).__statusRun),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the sync planned for ${new Date(nextAttempt).toISOString()} did not finish in ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
  }
  return (await syncStatus(page))!;
}

/** Runs the page's next planned sync to its end (advanceTo its instant), lit or dark; returns the status after and the instant it ran at. */
export async function runNextSync(page: Page, timeoutMs = 30_000): Promise<SyncMark & { ranAt: number }> {
  const { nextAttempt } = await syncPlanned(page, timeoutMs);
  return { ...(await advanceTo(page, nextAttempt, timeoutMs)), ranAt: nextAttempt };
}

/** What <kiosk-app> shows: its state ('off' at night), the slide on air, and the page's (fake) instant. */
export interface GlassState {
  state: string | null;
  item: string | null;
  kind: string | null;
  now: number;
}

export function glassState(page: Page): Promise<GlassState> {
  return page.evaluate(() => {
    const app = document.querySelector('kiosk-app');
    return { state: app?.getAttribute('data-state') ?? null, item: app?.getAttribute('data-item') ?? null, kind: app?.getAttribute('data-kind') ?? null, now: Date.now() };
  });
}
