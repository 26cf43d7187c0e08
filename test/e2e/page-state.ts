/** Reads the kiosk's own storage from inside the page, as the screen holds it. */
import type { Page } from 'playwright-core';

/** The active content version in the kiosk's IndexedDB (undefined before the first commit). */
export function activeVersion(page: Page): Promise<string | undefined> {
  return page.evaluate(() => new Promise<string | undefined>((resolve) => {
    const open = indexedDB.open('science-window');
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
