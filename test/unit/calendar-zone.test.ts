/** Gregorian days and time zones, including a zone with daylight saving time. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays, dayNumber, isoInZone, isoWeekday, localDate, localTime, zonedInstant, zoneOffset,
} from '../../src/calendar/index.ts';

const NY = 'America/New_York';
const SH = 'Asia/Shanghai';

describe('days', () => {
  it.each([
    ['2026-10-18', 7], ['2026-10-19', 1], ['1970-01-01', 4], ['2000-02-29', 2], ['1900-01-01', 1],
  ])('isoWeekday(%s) = %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it.each([
    ['2026-12-31', 1, '2027-01-01'], ['2024-02-28', 1, '2024-02-29'], ['2100-02-28', 1, '2100-03-01'],
    ['2026-03-01', -1, '2026-02-28'], ['2026-10-18', 0, '2026-10-18'], ['2026-01-01', 365, '2027-01-01'],
  ])('addDays(%s, %i) = %s', (date, n, out) => {
    expect(addDays(date, n)).toBe(out);
  });

  it.each(['2026-02-30', '2026-2-01', '2026-13-01', 'tomorrow', '', '2026-10-18T00:00'])('refuses %j', (bad) => {
    expect(() => dayNumber(bad)).toThrow(RangeError);
  });
});

describe('zones', () => {
  it('reads the local date and time in Shanghai around midnight', () => {
    const t = Date.UTC(2026, 9, 17, 15, 59); // 23:59 in Shanghai
    expect(localDate(t, SH)).toBe('2026-10-17');
    expect(localTime(t, SH)).toBe('23:59');
    expect(localDate(t + 60_000, SH)).toBe('2026-10-18');
    expect(localTime(t + 60_000, SH)).toBe('00:00');
    expect(zonedInstant('2026-10-18', '00:00', SH)).toBe(t + 60_000);
    expect(zonedInstant('2026-10-17', '24:00', SH)).toBe(t + 60_000);
  });

  it('follows New York across daylight saving time', () => {
    // 2026: EDT from 8 March 02:00 EST to 1 November 02:00 EDT.
    expect(zonedInstant('2026-03-07', '12:00', NY)).toBe(Date.UTC(2026, 2, 7, 17));
    expect(zonedInstant('2026-03-08', '12:00', NY)).toBe(Date.UTC(2026, 2, 8, 16));
    expect(zonedInstant('2026-03-08', '01:59', NY)).toBe(Date.UTC(2026, 2, 8, 6, 59));
    expect(zonedInstant('2026-03-08', '03:00', NY)).toBe(Date.UTC(2026, 2, 8, 7));
    // 02:30 does not exist that night: read with the offset from before, i.e. 03:30 EDT.
    expect(zonedInstant('2026-03-08', '02:30', NY)).toBe(Date.UTC(2026, 2, 8, 7, 30));
    // 01:30 happens twice on 1 November: the first one (EDT).
    expect(zonedInstant('2026-11-01', '01:30', NY)).toBe(Date.UTC(2026, 10, 1, 5, 30));
    expect(zonedInstant('2026-11-01', '03:00', NY)).toBe(Date.UTC(2026, 10, 1, 8));
    // The day of the change is 23 and 25 hours long.
    const len = (d: string): number => (zonedInstant(d, '24:00', NY) - zonedInstant(d, '00:00', NY)) / 3_600_000;
    expect([len('2026-03-08'), len('2026-11-01'), len('2026-07-01')]).toEqual([23, 25, 24]);
    expect(localDate(Date.UTC(2026, 6, 1, 3, 30), NY)).toBe('2026-06-30');
    expect(localTime(Date.UTC(2026, 6, 1, 3, 30), NY)).toBe('23:30');
  });

  it('writes ISO instants with the zone offset', () => {
    expect(isoInZone(Date.UTC(2026, 9, 23, 9, 38), SH)).toBe('2026-10-23T17:38:00+08:00');
    expect(isoInZone(Date.UTC(2026, 9, 23, 9, 38), NY)).toBe('2026-10-23T05:38:00-04:00');
    expect(isoInZone(Date.UTC(2026, 11, 21, 20, 50), NY)).toBe('2026-12-21T15:50:00-05:00');
    expect(isoInZone(Date.UTC(2026, 0, 1), 'Asia/Kolkata')).toBe('2026-01-01T05:30:00+05:30');
    expect(zoneOffset(Date.UTC(2026, 0, 1), 'Asia/Kathmandu')).toBe(345 * 60_000);
  });

  it.each(['25:00', '24:30', '9:00', '12:60', 'noon'])('refuses the bad time %s', (t) => {
    expect(() => zonedInstant('2026-10-18', t, SH)).toThrow(RangeError);
  });

  it('round-trips local wall times (property)', () => {
    const minute = fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 });
    fc.assert(fc.property(minute, (m) => {
      const t = m * 60_000;
      const back = zonedInstant(localDate(t, NY), localTime(t, NY), NY);
      // Exact, except for the second 01:xx of a fall-back night, which reads as the first.
      return back === t || (back === t - 3_600_000 && localTime(t, NY).startsWith('01:'));
    }), { numRuns: 3000 });
    fc.assert(fc.property(minute, (m) => zonedInstant(localDate(m * 60_000, SH), localTime(m * 60_000, SH), SH) === m * 60_000));
  });
});
