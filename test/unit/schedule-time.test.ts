import { describe, expect, it } from 'vitest';
import type { Screen, ScreenHours, When } from '../../src/content/schema.ts';
import { eligible } from '../../src/schedule/eligible.ts';
import { screenIsOn } from '../../src/schedule/screen-hours.ts';
import { at, ctxIn, item, LVYUAN } from '../fixtures/schedule/world.ts';

type Row = [label: string, when: When, instant: string, ok: boolean, zone?: string];

const check = (_label: string, when: When, instant: string, ok: boolean, zone?: string) => {
  expect(eligible(item('x', { when }), LVYUAN, at(instant), ctxIn(zone)).ok).toBe(ok);
};

describe('weekdays (ISO, local)', () => {
  const weekend: When = { weekdays: [6, 7] };
  const rows: Row[] = [
    ['Saturday 2026-10-17', weekend, '2026-10-17T10:00:00+08:00', true],
    ['Sunday 2026-10-18', weekend, '2026-10-18T23:59:00+08:00', true],
    ['Monday 00:30 local (still Sunday in UTC)', weekend, '2026-10-18T16:30:00Z', false],
    ['Tuesday and Thursday, on a Thursday', { weekdays: [2, 4] }, '2026-10-22T10:00:00+08:00', true],
    ['New York: Sunday evening local (Monday in UTC)', weekend, '2026-10-19T01:00:00Z', true, 'America/New_York'],
  ];
  it.each(rows)('%s', check);
});

describe('hours (local, from inclusive, until exclusive)', () => {
  const morning: When = { hours: [{ from: '08:00', until: '12:00' }] };
  const night: When = { hours: [{ from: '22:00', until: '06:00' }] };
  const split: When = { hours: [{ from: '07:00', until: '09:00' }, { from: '17:00', until: '19:00' }] };
  const rows: Row[] = [
    ['07:59', morning, '2026-10-18T07:59:00+08:00', false],
    ['08:00', morning, '2026-10-18T08:00:00+08:00', true],
    ['11:59', morning, '2026-10-18T11:59:00+08:00', true],
    ['12:00', morning, '2026-10-18T12:00:00+08:00', false],
    ['wrap: 21:59', night, '2026-10-18T21:59:00+08:00', false],
    ['wrap: 22:00', night, '2026-10-18T22:00:00+08:00', true],
    ['wrap: 00:00', night, '2026-10-19T00:00:00+08:00', true],
    ['wrap: 05:59', night, '2026-10-19T05:59:00+08:00', true],
    ['wrap: 06:00', night, '2026-10-19T06:00:00+08:00', false],
    ['two ranges, the second', split, '2026-10-18T18:30:00+08:00', true],
    ['two ranges, between', split, '2026-10-18T12:00:00+08:00', false],
    ['New York, before DST: 08:30 EST', morning, '2026-03-07T13:30:00Z', true, 'America/New_York'],
    ['New York, DST day: 08:30 EDT', morning, '2026-03-08T12:30:00Z', true, 'America/New_York'],
    ['New York, DST day: 13:30 UTC is 09:30 EDT (it was 08:30 EST the day before)', morning, '2026-03-08T13:30:00Z', true, 'America/New_York'],
    ['New York, DST day: 12:00 EDT', morning, '2026-03-08T16:00:00Z', false, 'America/New_York'],
    ['New York, DST day: 07:30 EDT', morning, '2026-03-08T11:30:00Z', false, 'America/New_York'],
    ['New York, back to EST: 07:30 EST', morning, '2026-11-01T12:30:00Z', false, 'America/New_York'],
    ['New York, back to EST: 08:30 EST', morning, '2026-11-01T13:30:00Z', true, 'America/New_York'],
  ];
  it.each(rows)('%s', check);

  it('says what time it is when out of hours', () => {
    const r = eligible(item('x', { when: morning }), LVYUAN, at('2026-10-18T13:05:00+08:00'), ctxIn());
    expect(r.reasons[0]).toEqual({ rule: 'hours', ok: false, code: 'outside-hours', params: { time: '13:05', ranges: ['08:00–12:00'] } });
  });
});

describe('screenIsOn', () => {
  const screen = (hours?: ScreenHours): Screen => ({ ...LVYUAN, hours });
  type HoursRow = [label: string, hours: ScreenHours | undefined, instant: string, on: boolean];
  const day = { on: '06:30', off: '22:00' };
  const lateFriday = { on: '18:00', off: '02:00', weekdays: [5] };
  const rows: HoursRow[] = [
    ['no hours: always on', undefined, '2026-10-18T03:00:00+08:00', true],
    ['06:29', day, '2026-10-18T06:29:00+08:00', false],
    ['06:30', day, '2026-10-18T06:30:00+08:00', true],
    ['21:59', day, '2026-10-18T21:59:00+08:00', true],
    ['22:00', day, '2026-10-18T22:00:00+08:00', false],
    ['weekdays only, on a Sunday', { on: '08:00', off: '18:00', weekdays: [1, 2, 3, 4, 5] }, '2026-10-18T10:00:00+08:00', false],
    ['weekdays only, on a Monday', { on: '08:00', off: '18:00', weekdays: [1, 2, 3, 4, 5] }, '2026-10-19T10:00:00+08:00', true],
    ['wrap: Friday 23:00', lateFriday, '2026-10-16T23:00:00+08:00', true],
    ['wrap: Saturday 01:00 belongs to Friday', lateFriday, '2026-10-17T01:00:00+08:00', true],
    ['wrap: Saturday 19:00', lateFriday, '2026-10-17T19:00:00+08:00', false],
    ['wrap: Friday 01:00 belongs to Thursday', lateFriday, '2026-10-16T01:00:00+08:00', false],
  ];
  it.each(rows)('%s', (_label, hours, instant, on) => {
    expect(screenIsOn(screen(hours), {}, at(instant), ctxIn())).toBe(on);
  });

  it("falls back to the settings' hours", () => {
    const settings = { hours: day };
    expect(screenIsOn(screen(undefined), settings, at('2026-10-18T23:00:00+08:00'), ctxIn())).toBe(false);
    expect(screenIsOn(screen({ on: '00:00', off: '00:00' }), settings, at('2026-10-18T23:00:00+08:00'), ctxIn())).toBe(true);
  });
});
