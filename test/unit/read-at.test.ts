import { describe, expect, it } from 'vitest';
import { readParams } from '../../src/app/params.ts';
import { startClock } from '../../src/app/clock.ts';
import { readAt } from '../../src/frame/read-at.ts';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const at = (iso: string) => Date.parse(iso);

describe('readAt: `at` as a person types it (issue 10, item 4)', () => {
  it.each([
    // [typed, zone, instant (ISO with offset) or null: cannot be read]
    ['2026-10-18T09:00:00+08:00', SH, '2026-10-18T09:00:00+08:00'],
    // URLSearchParams turns the README's literal "+08:00" into " 08:00".
    ['2026-10-18T09:00:00 08:00', SH, '2026-10-18T09:00:00+08:00'],
    ['2026-10-18T09:00 08:00', NY, '2026-10-18T09:00:00+08:00'],
    ['2026-10-18T09:00+0800', SH, '2026-10-18T09:00:00+08:00'],
    ['2026-10-18T01:00:00Z', NY, '2026-10-18T01:00:00Z'],
    ['2026-10-18t01:00:00.250z', SH, '2026-10-18T01:00:00.250Z'],
    ['2026-10-18T04:00-05:00', SH, '2026-10-18T04:00:00-05:00'],
    // Bare date-times and dates: the site's zone, never the box's.
    ['2026-10-18T09:00', SH, '2026-10-18T09:00:00+08:00'],
    ['2026-10-18T09:00', NY, '2026-10-18T09:00:00-04:00'],
    ['2026-10-18 09:00', SH, '2026-10-18T09:00:00+08:00'],
    ['2026-10-18T09:00:30', SH, '2026-10-18T09:00:30+08:00'],
    ['2026-10-18', SH, '2026-10-18T00:00:00+08:00'],
    ['2026-12-02', NY, '2026-12-02T00:00:00-05:00'],
    ['  2026-10-18T09:00  ', SH, '2026-10-18T09:00:00+08:00'],
    ['2026-10-18T24:00', SH, '2026-10-19T00:00:00+08:00'],
    ['2026-11-01T01:30', NY, '2026-11-01T01:30:00-04:00'],
    ['2026-02-30', SH, null],
    ['2026-02-30T09:00Z', SH, null],
    ['2026-10-18T25:00', SH, null],
    ['2026-10-18T09:60', SH, null],
    ['tomorrow', SH, null],
    ['', SH, null],
    ['1792285200000', SH, null],
  ])('%j in %s', (typed, zone, iso) => {
    const t = readAt(typed, zone);
    if (iso === null) expect(t).toBeNaN();
    else expect(new Date(t).toISOString()).toBe(new Date(at(iso)).toISOString());
  });
});

describe('kiosk params and clock', () => {
  it('reads ?at= in the zone given, keeps the text when it cannot, and the clock then runs real time', () => {
    const p = readParams('?screen=lvyuan-gate&at=2026-10-18T09:00:00+08:00', NY);
    expect(p).toMatchObject({ screen: 'lvyuan-gate', at: at('2026-10-18T09:00:00+08:00') });
    expect(readParams('?at=2026-10-18T09:00', NY).at).toBe(at('2026-10-18T09:00:00-04:00'));
    const bad = readParams('?at=2026-10-18+9am', SH);
    expect(bad.at).toBeNaN();
    expect(bad.raw).toBe('2026-10-18 9am');
    expect(startClock(bad.at, () => 1_000).now()).toBe(1_000);
    expect(startClock(undefined, () => 1_000).now()).toBe(1_000);
    expect(startClock(5_000, () => 1_000).now()).toBe(5_000);
  });
});
