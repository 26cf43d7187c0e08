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
      for (const e of rec.manifest.items) {
        if (skipped.has(e.hash)) continue;
        if (await req(t.objectStore('items').get(e.hash))) items++;
        else missing.push(`item ${e.id}`);
      }
      if (!(await req(t.objectStore('calendars').get(rec.manifest.calendar.hash)))) missing.push('calendar');
      const cache = await caches.open('science-window-content');
      for (const a of rec.manifest.assets) if (!(await cache.match(new URL(a.url, base).href))) missing.push(`asset ${a.url}`);
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
