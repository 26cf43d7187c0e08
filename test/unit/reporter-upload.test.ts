/**
 * The reporter's upload against refusals that must not stall it: records of another screen id,
 * a 200 that acknowledges nothing, a 400 of some records or of the whole batch.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/sync/store/open-store.ts';
import { air, SCREEN, T0 } from '../fixtures/report/air.ts';
import { BACKED_OFF_MS, day, reportOffline, setup, stored } from '../fixtures/report/reporter-setup.ts';
import { resetIndexedDB } from '../fixtures/sync/harness.ts';

beforeEach(resetIndexedDB);

const OTHER = 'qingxi-hall';
const asOther = { screen: OTHER, token: `${OTHER}.t` };

describe('upload: what the server refuses never stalls the queue', () => {
  it('sends only the current screen\'s records; those of the box\'s former screen id wait, are counted in the beat, and go when it is that screen again', async () => {
    const { fleet, reporter } = setup();
    fleet.always = 'offline';
    // The box was OTHER for an hour, then was given SCREEN's id (a page load with another ?screen=).
    for (const r of day('p1', T0, 1, 120, asOther)) await reporter.report(r);
    let last = air('p2', T0);
    for (const r of day('p2', T0 + 3_600_000, 1)) {
      await reporter.report(r);
      last = r;
    }
    const [theirs, mine] = [await stored(OTHER), await stored(SCREEN)];
    expect(theirs).toBe(30); // the other screen's 30 slides, the last closed by the next page load
    expect(mine).toBe(29);

    fleet.always = undefined;
    let t = last.at + BACKED_OFF_MS;
    for (let i = 0; i < 5; i++) await reporter.report({ ...last, at: (t += 60_000) });
    expect(fleet.refused).toEqual([]);
    expect(await stored(SCREEN)).toBe(0);
    expect(fleet.records.size).toBe(mine);
    expect(await stored(OTHER)).toBe(theirs);
    expect([...fleet.records.values()].every((r) => r.screen === SCREEN)).toBe(true);
    expect(fleet.beats.at(-1)).toMatchObject({ screen: SCREEN, otherScreens: theirs });

    // The box is OTHER again: its records go up under its own token; SCREEN's last slide waits now.
    const slides = 10;
    for (let i = 0; i < slides; i++) await reporter.report(air('p3', (t += 60_000), { ...asOther, since: t }));
    await reporter.report(air('p3', t + 400_000, { ...asOther, since: t, until: t + 600_000 })); // the last slide, past the next beat
    expect(fleet.refused).toEqual([]);
    expect(await stored(OTHER)).toBe(0);
    expect([...fleet.records.values()].filter((r) => r.screen === OTHER)).toHaveLength(theirs + slides - 1);
    expect(await stored(SCREEN)).toBe(1);
    expect(fleet.beats.at(-1)).toMatchObject({ screen: OTHER, otherScreens: 1 });
  });

  it('backs off after a 200 that acknowledges nothing, and says so in the next beat', async () => {
    const { fleet, reporter } = setup();
    const last = await reportOffline(fleet, reporter, day('p1', T0, 1));
    fleet.always = 'ack-none';
    fleet.recordPosts = 0;
    let t = last.at + BACKED_OFF_MS;
    // A report every second for a minute (the page reports far less often; a worst case).
    for (let i = 0; i < 60; i++) await reporter.report({ ...last, at: (t += 1_000) });
    // Backed off like any failure (the offline hour's failures count too): not one post per report.
    expect(fleet.recordPosts).toBeGreaterThanOrEqual(1);
    expect(fleet.recordPosts).toBeLessThanOrEqual(3);
    expect(await stored()).toBe(29);
    await reporter.report({ ...last, at: t + 400_000 }); // the next beat
    expect(fleet.beats.at(-1)?.errors.count).toBeGreaterThanOrEqual(fleet.recordPosts);
    expect(fleet.beats.at(-1)?.errors.last).toMatch(/none acknowledged/);
  });

  it('drops the records a 400 names, counting each in the next beat\'s errors with the reason', async () => {
    const { fleet, reporter } = setup();
    const last = await reportOffline(fleet, reporter, day('p1', T0, 1));
    const db = await openStore();
    const bad = (await db.getAll('records', undefined, 3)).map((r) => r.id).slice(1, 3);
    db.close();
    fleet.always = undefined;
    fleet.next = [{ status: 400, bad }];
    await reporter.report({ ...last, at: last.at + BACKED_OFF_MS });
    expect(await stored()).toBe(0);
    expect(fleet.records.size).toBe(27);
    await reporter.report({ ...last, at: last.at + BACKED_OFF_MS + 400_000 }); // the next beat
    expect(fleet.beats.at(-1)?.errors.count).toBe(2);
    expect(fleet.beats.at(-1)?.errors.last).toMatch(/2 .*malformed.*started: bad-instant/);
  });

  it.each([
    ['not JSON', [{ path: '(body)', message: 'not-json' }]],
    ['the batch and a record', [{ path: 'records.0.started', message: 'bad-instant' }, { path: 'screen', message: 'bad-screen-id' }]],
    ['no issues', []],
  ])('drops nothing when a 400 refuses the whole batch (%s), and backs off', async (_, issues) => {
    const { fleet, reporter } = setup();
    const last = await reportOffline(fleet, reporter, day('p1', T0, 1));
    fleet.always = { status: 400, issues };
    fleet.recordPosts = 0;
    let t = last.at + BACKED_OFF_MS;
    for (let i = 0; i < 10; i++) await reporter.report({ ...last, at: (t += 1_000) });
    expect(await stored()).toBe(29);
    expect(fleet.recordPosts).toBe(1);
    fleet.always = undefined;
    await reporter.report({ ...last, at: t + 400_000 });
    expect(fleet.beats.at(-1)?.errors).toMatchObject({ count: 1, last: expect.stringMatching(/400/) });
  });
});
