/**
 * Past the cap: the oldest plays fold into hourly totals that keep their ids (a total is never
 * folded again), plays whose answer was lost are not folded, and what is dropped past the cap
 * is the oldest by time.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FleetRecord, PlayRecord } from '../../src/fleet/protocol.ts';
import { foldHourly, totalId } from '../../src/sync/report/fold.ts';
import { openStore } from '../../src/sync/store/open-store.ts';
import { air, SCREEN, T0, V1 } from '../fixtures/report/air.ts';
import { BACKED_OFF_MS, day, setup, stored } from '../fixtures/report/reporter-setup.ts';
import { resetIndexedDB } from '../fixtures/sync/harness.ts';

beforeEach(resetIndexedDB);

const timeOf = (r: FleetRecord) => Date.parse(r.type === 'hourly' ? r.hour : r.started);

async function waiting(): Promise<FleetRecord[]> {
  const db = await openStore();
  const all = await db.getAll('records');
  db.close();
  return all;
}

const play = (id: number, started: string, o: Partial<PlayRecord> = {}): PlayRecord => ({
  type: 'play', id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`, screen: SCREEN, item: 'health/water', kind: 'health',
  itemHash: 'b'.repeat(64), version: V1, started, seconds: 12, completed: true, endedBy: 'next', ...o,
});

describe('folding plays into hourly totals', () => {
  it('makes one total per screen, item, kind, version and hour, its id derived from its first play\'s', () => {
    const folds = foldHourly([
      play(1, '2026-10-18T01:10:00.000Z'), play(2, '2026-10-18T01:20:00.000Z', { completed: false, seconds: 5 }),
      play(3, '2026-10-18T01:30:00.000Z', { screen: 'qingxi-hall' }), play(4, '2026-10-18T02:00:00.000Z'),
    ]);
    expect(folds.map((f) => [f.first, f.total.screen, f.total.hour, f.total.plays, f.total.completed, f.total.seconds])).toEqual([
      [0, SCREEN, '2026-10-18T01:00:00.000Z', 2, 1, 17], [2, 'qingxi-hall', '2026-10-18T01:00:00.000Z', 1, 1, 12], [3, SCREEN, '2026-10-18T02:00:00.000Z', 1, 1, 12],
    ]);
    expect(folds[0]!.total.id).toBe('00000000-0000-8000-8000-000000000001');
    expect(folds[0]!.total.id).toBe(totalId(play(1, '').id));
    // The same hour folded again later (other plays): another total, another id.
    const later = foldHourly([play(5, '2026-10-18T01:40:00.000Z')]);
    expect(later[0]!.total.id).not.toBe(folds[0]!.total.id);
    expect(later[0]!.total.hour).toBe(folds[0]!.total.hour);
  });

  it('never folds a total again: its id stays, and a total whose answer was lost is not counted twice', async () => {
    // A cap above a batch (500): the lost batch leaves some plays free to fold later.
    const { fleet, reporter } = setup({ cap: 600 });
    // Turned away (a 429 is a sure no, unlike a reset: nothing in doubt) while the plays pile up.
    const away = { status: 429, retryAfterS: 3_600 } as const;
    fleet.always = away;
    let last = air('p1', T0);
    let slides = 0;
    const report = async (r: typeof last) => {
      await reporter.report(r);
      if (r.since === r.at) slides++;
      last = r;
    };
    for (const r of day('p1', T0, 12, 60)) await report(r);
    const totals = (await waiting()).filter((r) => r.type === 'hourly');
    expect(totals.length).toBeGreaterThan(0);

    // One batch goes through, the totals in it (they hold their first play's place); its answer is lost.
    fleet.always = undefined;
    fleet.next = ['lost'];
    await reporter.report({ ...last, at: last.at + BACKED_OFF_MS });
    expect(fleet.batches).toEqual([500]);
    expect(totals.every((t) => fleet.records.has(t.id))).toBe(true);

    // Turned away again long enough for another fold (of plays not in that batch).
    fleet.always = away;
    const before = (await waiting()).length;
    for (const r of day('p1', last.at + BACKED_OFF_MS + 60_000, 2, 60)) await report(r);
    const now = await waiting();
    expect(now.length).toBeLessThan(before + 120); // folded
    const after = new Set(now.map((r) => r.id));
    expect(totals.every((t) => after.has(t.id))).toBe(true);

    fleet.always = undefined;
    for (let i = 0, t = last.at + 3_600_000; i < 40 && (await stored()) > 0; i++) await reporter.report({ ...last, at: (t += 60_000) });
    expect(await stored()).toBe(0);
    expect(fleet.duplicates).toBeGreaterThanOrEqual(500); // the lost batch came again, every record of it known
    expect(Object.values(fleet.playsPerItem()).reduce((a, b) => a + b, 0)).toBe(slides - 1);
  });

  it('past the cap with totals alone, drops the oldest by time and keeps every count of the newest hours', async () => {
    const { fleet, reporter } = setup({ cap: 100 });
    fleet.always = 'offline';
    const closed: number[] = [];
    for (const r of day('p1', T0, 16, 60)) {
      await reporter.report(r);
      if (r.since === r.at) closed.push(r.at);
    }
    closed.pop(); // the last slide is still on air
    const kept = await waiting();
    expect(kept.length).toBeLessThanOrEqual(110);
    const hourOf = (ms: number) => Math.floor(ms / 3_600_000);
    const held = new Map<number, number>();
    for (const r of kept) held.set(hourOf(timeOf(r)), (held.get(hourOf(timeOf(r))) ?? 0) + (r.type === 'hourly' ? r.plays : 1));
    const shown = new Map<number, number>();
    for (const t of closed) shown.set(hourOf(t), (shown.get(hourOf(t)) ?? 0) + 1);
    // The oldest hours are gone (the cap held), the newest are whole: every slide they showed is counted.
    const hours = [...shown.keys()].sort((a, b) => a - b);
    expect(held.has(hours[0]!)).toBe(false);
    for (const h of hours.slice(-2)) expect(held.get(h)).toBe(shown.get(h));
    // What was dropped is older than anything kept: the hours kept are the newest ones, without a gap.
    const keptHours = [...held.keys()].sort((a, b) => a - b);
    expect(keptHours).toEqual(hours.slice(hours.length - keptHours.length));
  });
});
