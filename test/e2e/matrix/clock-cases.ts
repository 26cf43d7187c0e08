/**
 * The page's wall clock jumping (an RTC battery gone flat, then NTP setting it right) on a
 * shared kiosk: back a day and forward a year, between syncs and in the middle of one. Timers
 * are not wall time (the planned run still comes after its delay); after the jump the run
 * brings the new version, a slide stays on air, and the next run is planned one interval
 * after the new time, not a day (or a year) away.
 */
import { expect } from 'vitest';
import { INTERVAL_S } from '../fault-site.ts';
import { type SyncMark, startPlannedSync } from '../page-state.ts';
import { type Kiosk, matrixCase } from './kiosk.ts';

const JUMPS = { 'back a day': -24 * 3600_000, 'forward a year': 365 * 24 * 3600_000 } as const;

async function expectPlannedAfterNow(k: Kiosk, mark: SyncMark): Promise<void> {
  const now = await k.page.evaluate(() => Date.now());
  expect(mark.nextAttempt, 'the next run is planned').toBeDefined();
  expect(mark.nextAttempt! - now, 'one interval after the new time').toBeGreaterThan(0);
  expect(mark.nextAttempt! - now).toBeLessThanOrEqual(INTERVAL_S * 1100);
}

export function clockCases(k: () => Kiosk): void {
  for (const [name, shift] of Object.entries(JUMPS)) {
    matrixCase(`the clock jumps ${name} between syncs`, async () => {
      const kiosk = k();
      await kiosk.settle();
      await kiosk.page.clock.setSystemTime(await kiosk.page.evaluate(() => Date.now()) + shift);
      expect(await kiosk.onAir(), 'a slide on air').not.toBeNull();
      const next = await kiosk.pub.next('item changed');
      const mark = await (await startPlannedSync(kiosk.page, 60_000, shift)).done();
      expect(mark.state).toBe('idle');
      await kiosk.expectHealthy(next.version);
      await expectPlannedAfterNow(kiosk, mark);
    });

    matrixCase(`the clock jumps ${name} in the middle of a sync`, async () => {
      const kiosk = k();
      await kiosk.settle();
      const before = kiosk.current;
      const next = await kiosk.pub.next('item added');
      kiosk.site.arm(kiosk.site.points(next, before).item!, 'hold', true);
      const run = await startPlannedSync(kiosk.page, 60_000);
      await kiosk.site.whenHeld();
      await kiosk.page.clock.setSystemTime(await kiosk.page.evaluate(() => Date.now()) + shift);
      kiosk.site.release();
      const mark = await run.done();
      expect(mark.state).toBe('idle');
      await kiosk.expectHealthy(next.version);
      await expectPlannedAfterNow(kiosk, mark);
    });
  }
}
