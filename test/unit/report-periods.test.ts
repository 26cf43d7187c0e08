import { describe, expect, it } from 'vitest';
import type { FleetRecord } from '../../src/fleet/protocol.ts';
import type { OpenPeriod } from '../../src/sync/store/db-schema.ts';
import { sourceOf, step } from '../../src/sync/report/periods.ts';
import type { AirReport } from '../../src/sync/worker-protocol.ts';
import { air, SCREEN, T0, uuids, V1 } from '../fixtures/report/air.ts';

const meta = () => ({ screen: SCREEN, uuid: uuids(), hash: (_v: string | null, item: string) => (item === 'health/water' ? 'b'.repeat(64) : undefined) });

/** Runs reports through step from nothing open: the records closed, and what is open at the end. */
function run(reports: AirReport[]): { closed: FleetRecord[]; open: OpenPeriod | undefined } {
  const m = meta();
  let open: OpenPeriod | undefined;
  const closed: FleetRecord[] = [];
  for (const r of reports) {
    const s = step(open, r, m);
    if (s.closed) closed.push(s.closed);
    open = s.open;
  }
  return { closed, open };
}

describe('proof of play: periods of the glass from the page reports', () => {
  it('records a slide that stayed its time as one completed play, ended by the next', () => {
    const { closed, open } = run([
      air('p1', T0),
      air('p1', T0 + 6_000, { since: T0 }), // a page turn: the same slide
      air('p1', T0 + 12_000, { item: 'safety/fire', kind: 'safety', since: T0 + 12_000, until: T0 + 24_000 }),
    ]);
    expect(closed).toEqual([{
      type: 'play', id: '00000000-0000-4000-8000-000000000000', screen: SCREEN, item: 'health/water', kind: 'health',
      itemHash: 'b'.repeat(64), version: V1, started: new Date(T0).toISOString(), seconds: 12, completed: true, endedBy: 'next',
    }]);
    expect(open).toMatchObject({ type: 'play', item: 'safety/fire', started: T0 + 12_000, until: T0 + 24_000 });
  });

  it('says why a period ended: an alert cutting a slide short, the screen going dark, the card', () => {
    const { closed } = run([
      air('p1', T0),
      air('p1', T0 + 4_000, { item: 'alerts/typhoon', kind: 'alert', since: T0 + 4_000, until: T0 + 34_000 }),
      air('p1', T0 + 34_000, { state: 'off', item: undefined, kind: undefined, since: NaN, until: NaN }),
      air('p1', T0 + 3_600_000, { item: 'builtin/today', kind: 'notice', since: T0 + 3_600_000, until: T0 + 3_630_000 }),
      air('p1', T0 + 3_630_000, { since: T0 + 3_630_000, until: T0 + 3_642_000 }),
    ]);
    expect(closed.map((r) => [r.type, r.seconds, 'endedBy' in r && r.endedBy, r.type === 'play' && r.completed])).toEqual([
      ['play', 4, 'alert', false],
      ['play', 30, 'off', true],
      ['off', 3_566, 'next', false],
      ['card', 30, 'next', false],
    ]);
  });

  it('records a slide the page never finished as a crash, counted up to its last report', () => {
    const { closed, open } = run([
      air('p1', T0),
      air('p1', T0 + 5_000, { since: T0 }), // the last word of the first page load: a page turn 5 s in
      air('p2', T0 + 600_000, { since: T0 + 600_000, until: T0 + 612_000 }), // relaunched ten minutes later
    ]);
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ type: 'play', seconds: 5, completed: false, endedBy: 'crash' });
    expect(open).toMatchObject({ session: 'p2', started: T0 + 600_000 });
  });

  it('a reload that lands on the very same slide goes on with the same play; one that does not ends it as reload', () => {
    const same = run([air('p1', T0), air('p1', T0 + 3_000, { state: 'gone', since: T0 }), air('p2', T0 + 4_000, { since: T0 }), air('p2', T0 + 12_000, { item: 'safety/fire', kind: 'safety', since: T0 + 12_000, until: T0 + 20_000 })]);
    expect(same.closed).toHaveLength(1);
    expect(same.closed[0]).toMatchObject({ seconds: 12, completed: true, endedBy: 'next' });
    const other = run([air('p1', T0), air('p1', T0 + 3_000, { state: 'gone', since: T0 }), air('p2', T0 + 4_000, { since: T0 + 4_000, until: T0 + 16_000 })]);
    expect(other.closed[0]).toMatchObject({ seconds: 3, completed: false, endedBy: 'reload' });
  });

  it('records nothing for loading or the screens list, and nothing twice for the minute ticks of one period', () => {
    const off = { state: 'off', item: undefined, kind: undefined, since: NaN, until: NaN };
    const { closed, open } = run([
      air('p1', T0, { state: 'loading', item: undefined }),
      air('p1', T0 + 1, off), air('p1', T0 + 60_000, off), air('p1', T0 + 120_000, off),
      air('p1', T0 + 130_000, { state: 'screens', item: undefined }),
    ]);
    expect(closed.map((r) => [r.type, r.seconds])).toEqual([['off', 129.999]]);
    expect(open).toBeUndefined();
  });

  it('never records negative time when the clock is set back', () => {
    const { closed } = run([air('p1', T0), air('p1', T0 - 86_400_000, { item: 'safety/fire', kind: 'safety', since: T0 - 86_400_000, until: T0 - 86_388_000 })]);
    expect(closed[0]).toMatchObject({ seconds: 0, completed: false });
  });

  it('records a feed\'s item with its feed\'s version, and the root\'s items with the root\'s (union versions)', () => {
    const [root, feed] = ['a'.repeat(64), 'c'.repeat(64)];
    const union = `${root}+xuanwu=${'d'.repeat(64)}+lvyuan=${feed}`;
    expect(sourceOf(union, 'lvyuan:notices/water')).toEqual({ version: feed, id: 'notices/water' });
    expect(sourceOf(union, 'health/water')).toEqual({ version: root, id: 'health/water' });
    expect(sourceOf(union, 'gone:notices/x')).toEqual({ version: null, id: 'notices/x' });
    expect(sourceOf('not-a-version', 'health/water').version).toBeNull();
    const m = { ...meta(), hash: (v: string | null, item: string) => (v === feed && item === 'notices/water' ? 'e'.repeat(64) : undefined) };
    const s1 = step(undefined, air('p1', T0, { version: union, item: 'lvyuan:notices/water', kind: 'notice' }), m);
    const s2 = step(s1.open, air('p1', T0 + 12_000, { version: union }), m);
    expect(s2.closed).toMatchObject({ item: 'lvyuan:notices/water', version: feed, itemHash: 'e'.repeat(64) });
    expect(s2.open).toMatchObject({ version: root });
  });
});
