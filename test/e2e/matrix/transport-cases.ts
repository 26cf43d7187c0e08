/**
 * Transport faults × points of a sync × fault mode, on a shared kiosk: each case publishes the
 * next version with a change that reaches the point, breaks that file's answers, runs one
 * attempt (the fault was seen, the previous set is whole and plays), and converges:
 *  - persistent: the fault is still there at the retry, which fails the same way and keeps
 *    the same set; then it clears and the planned runs (back-off) converge;
 *  - once: the fault heals right after the first attempt, and the very next run converges
 *    (the retry path: nothing bad kept from the failed run, no stuck state). "Once" is per
 *    run, not per request: Chromium itself resends a GET reset on a reused connection.
 */
import { expect } from 'vitest';
import { POINTS, type Point, type TransportFault } from '../fault-site.ts';
import { lastErrorCode, runPlannedSync } from '../page-state.ts';
import { type Kiosk, matrixCase } from './kiosk.ts';
import { CHANGES, type Change } from './versions.ts';

export const TRANSPORT: TransportFault[] = ['reset', '500', '404', 'truncate', 'wrong-hash', 'slow', 'portal'];
export const MODES = ['persistent', 'once'] as const;

/** A change whose new files include the point's (alternating where there are two kinds). */
function changeFor(point: Point, i: number): Change {
  switch (point) {
    case 'manifest': return CHANGES[i % CHANGES.length]!;
    case 'item': return i % 2 === 0 ? 'item changed' : 'item added';
    case 'asset': return i % 2 === 0 ? 'picture changed' : 'item with a new picture';
    case 'calendar': return 'calendar years';
    default: return 'item changed';
  }
}

/** What the stored error says for a fault at a point (the root's, or a feed's: test/e2e/feed-faults.test.ts). */
export function expectCode(code: string | undefined, fault: TransportFault, point: Point): void {
  expect(code, 'the fault was seen').toBeDefined();
  if (fault === 'wrong-hash') expect(code).toBe('hash-mismatch');
  if (fault === 'slow') expect(code).toBe('timeout');
  if (fault === '500' || fault === '404') expect(code).toBe('http');
  if (fault === 'reset' || fault === 'truncate') expect(code).toBe('network');
  if (fault === 'portal') expect(code).toBe(point === 'manifest' ? 'invalid-manifest' : 'hash-mismatch');
}

export interface TransportOptions {
  /** The points broken (default all). */
  points?: readonly Point[];
  /** The fault modes of 'slow' (it needs the short request timeout, and costs real time): none by default. */
  slow?: readonly (typeof MODES)[number][];
  /** The points 'slow' breaks (default all): every point's request runs under the same timeout. */
  slowPoints?: readonly Point[];
  /** The modes of the other faults (default both). */
  modes?: readonly (typeof MODES)[number][];
}

export function transportCases(k: () => Kiosk, o: TransportOptions = {}): void {
  let i = 0;
  for (const fault of TRANSPORT) {
    for (const point of o.points ?? POINTS) {
      // The manifest has no hash to miss: bytes changed in it are the 'portal' or publisher cases.
      if (fault === 'wrong-hash' && point === 'manifest') continue;
      if (fault === 'slow' && o.slowPoints && !o.slowPoints.includes(point)) continue;
      for (const mode of fault === 'slow' ? (o.slow ?? []) : (o.modes ?? MODES)) {
        const n = i++;
        matrixCase(`${fault} at the ${point}, ${mode}`, async () => {
          const kiosk = k();
          await kiosk.settle();
          const before = kiosk.current;
          const next = await kiosk.pub.next(changeFor(point, n));
          const path = kiosk.site.points(next, before)[point];
          expect(path, `the change reaches the ${point}`).toBeDefined();
          kiosk.site.arm(path!, fault);
          await kiosk.attempt(path!);
          expectCode(await lastErrorCode(kiosk.page), fault, point);
          await kiosk.expectHealthy(before.version);
          if (mode === 'once') {
            kiosk.site.clear();
            const mark = await runPlannedSync(kiosk.page, 60_000);
            expect(mark.state, `the retry converges at once (${await lastErrorCode(kiosk.page)})`).toBe('idle');
          } else {
            await kiosk.attempt(path!);
            expectCode(await lastErrorCode(kiosk.page), fault, point);
            await kiosk.expectHealthy(before.version);
            kiosk.site.clear();
            await kiosk.converge(next.version);
          }
          await kiosk.expectHealthy(next.version);
        });
      }
    }
  }
}
