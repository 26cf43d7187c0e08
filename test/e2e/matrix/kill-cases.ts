/**
 * The browser killed (SIGKILL, a power cut) while it takes a change of every one of a
 * thousand items, then started again offline on the same profile: the screen plays the
 * previous set, whole, and takes the new one once the network is back. Needs a kiosk with a
 * Chromium of its own (onKiosk(…, own = true)).
 */
import { expect } from 'vitest';
import { activeVersion, startPlannedSync } from '../page-state.ts';
import { type Kiosk, matrixCase } from './kiosk.ts';

/** Kill points: after this share of the changed items has been answered. */
const AT = [['half-way through the items', 0.5], ['as the last item is asked for (the commit next)', 1]] as const;

export function killCases(k: () => Kiosk): void {
  for (const [when, share] of AT) {
    matrixCase(`the browser killed ${when} of a 1,000-item change, relaunched offline`, async () => {
      const kiosk = k();
      await kiosk.settle();
      const before = kiosk.current;
      const next = await kiosk.pub.next('every item changed');
      const fresh = new Set(next.items.map((e) => `/content/${e.url}`));
      const target = Math.ceil(fresh.size * share);
      let answered = 0;
      let killed: Promise<void> | undefined;
      kiosk.site.observe = (path) => {
        if (fresh.has(path) && ++answered === target) killed = kiosk.own!.kill();
      };
      const run = await startPlannedSync(kiosk.page, 120_000);
      await run.done().catch(() => undefined); // the page dies with its browser
      await expect.poll(() => killed !== undefined, { timeout: 60_000 }).toBe(true);
      await killed;
      kiosk.site.observe = undefined;
      const committed = await (async () => {
        await kiosk.relaunchOffline();
        return activeVersion(kiosk.page);
      })();
      // All or nothing: the old set whole, or (killed after the commit) the new one whole.
      expect([before.version, next.version]).toContain(committed);
      await kiosk.expectHealthy(committed!);
      await kiosk.online();
      await kiosk.converge(next.version);
      await kiosk.expectHealthy(next.version);
    }, 180_000);
  }
}
