/**
 * Storage lost behind the app's back, on a shared kiosk, at three points: between syncs with
 * nothing new, just before a sync that brings a new version, and in the middle of that sync
 * (a file held on the wire while the storage goes). Two losses: the content cache (Cache
 * Storage) while IndexedDB stays, and the content database while Cache Storage stays.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { activeVersion, lastErrorCode, runPlannedSync, startPlannedSync } from '../page-state.ts';
import { type Kiosk, matrixCase } from './kiosk.ts';

const LOSSES: Record<string, (page: Page) => Promise<unknown>> = {
  'the content cache (IndexedDB stays)': (page) => page.evaluate(() => caches.delete('science-window-content')),
  'the content database (Cache Storage stays)': (page) => page.evaluate(() => new Promise<void>((resolve, reject) => {
    const del = indexedDB.deleteDatabase('science-window');
    del.onsuccess = () => resolve();
    del.onerror = () => reject(del.error);
  })),
};
// Both: a browser's "clear site data" that spared the app's registration and its shell copy.
LOSSES['the content cache and the content database'] = async (page) => {
  await LOSSES['the content cache (IndexedDB stays)']!(page);
  await LOSSES['the content database (Cache Storage stays)']!(page);
};

export type Loss = 'cache' | 'database' | 'both';
const NAMES: Record<Loss, string> = {
  cache: 'the content cache (IndexedDB stays)',
  database: 'the content database (Cache Storage stays)',
  both: 'the content cache and the content database',
};
export type When = 'between' | 'before' | 'during';

/** @param which the losses and points to run (each loss of the database or both re-downloads the whole set) */
export function storageCases(k: () => Kiosk, which: Partial<Record<Loss, readonly When[]>>): void {
  for (const [key, whens] of Object.entries(which) as [Loss, readonly When[]][]) {
    const loss = NAMES[key];
    const lose = LOSSES[loss]!;
    if (whens.includes('between')) matrixCase(`${loss} lost between syncs: the next run makes the active set whole again`, async () => {
      const kiosk = k();
      await kiosk.settle();
      await lose(kiosk.page);
      expect(await kiosk.onAir(), 'a slide on air').not.toBeNull();
      const mark = await runPlannedSync(kiosk.page, 60_000);
      expect(mark.state).toBe('idle');
      await kiosk.expectHealthy(kiosk.current.version);
    });

    if (whens.includes('before')) matrixCase(`${loss} lost just before a sync with a new version: that run takes it, whole`, async () => {
      const kiosk = k();
      await kiosk.settle();
      await lose(kiosk.page);
      const next = await kiosk.pub.next('picture changed');
      const mark = await runPlannedSync(kiosk.page, 60_000);
      expect(mark.state, `the run succeeded (${await lastErrorCode(kiosk.page)})`).toBe('idle');
      await kiosk.expectHealthy(next.version);
    });

    if (whens.includes('during')) matrixCase(`${loss} lost in the middle of a sync: nothing half-made is active; converges`, async () => {
      const kiosk = k();
      await kiosk.settle();
      const before = kiosk.current;
      const next = await kiosk.pub.next('item with a new picture');
      kiosk.site.arm(kiosk.site.points(next, before).item!, 'hold', true);
      const run = await startPlannedSync(kiosk.page, 60_000);
      await kiosk.site.whenHeld();
      await lose(kiosk.page);
      kiosk.site.release();
      await run.done();
      // Either the run saw the loss and failed (the old set, or none after the database went),
      // or it made the new set whole again before its commit; never a half-made set.
      const active = await activeVersion(kiosk.page);
      expect(key === 'cache' ? [before.version, next.version] : [before.version, next.version, undefined]).toContain(active);
      if (active === next.version) await kiosk.expectHealthy(next.version);
      expect(await kiosk.onAir(), 'a slide on air').not.toBeNull();
      kiosk.site.clear();
      await kiosk.converge(next.version);
      await kiosk.expectHealthy(next.version);
    });
  }
}
