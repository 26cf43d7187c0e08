/**
 * The calendar tables against published Hong Kong Observatory data (test/fixtures/hko, each
 * file names its sources), against lunar-typescript itself (the encoding must be lossless), and
 * the encoding's own promises (slices, size, corruption).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOLAR_TERMS, type Festival, type SolarTerm } from '../../src/content/keys.ts';
import {
  addDays, dateOfDay, dayNumber, decodeTables, festivalsOn, lunarDate, localDate, sliceTables,
  termOnDay, termsOfYear, type CalendarTablesJson,
} from '../../src/calendar/index.ts';
import { buildTables, lunarMonths, termMinutes } from '../../tools/lib/calendar-tables.ts';

interface MonthStart { month: number; leap: boolean; date: string }
interface HkoYear {
  year: number;
  lunarMonthStarts?: MonthStart[];
  solarTerms?: { key: SolarTerm; hkt: string }[];
  solarTermDates?: { key: SolarTerm; date: string }[];
  festivals?: Partial<Record<Festival, string>>;
}
const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/hko/${name}.json`, import.meta.url), 'utf8')) as T;
const HKO: HkoYear[] = ['2013', '2020', '2025', '2026', '2027'].map((y) => fixture<HkoYear>(y));
const LNY = fixture<{ lunarNewYear: Record<string, string>; monthStartExcerpts: MonthStart[] }>('lunar-new-year');

const FULL = buildTables(1900, 2100);
const T = decodeTables(FULL);
/** HKT wall time "YYYY-MM-DDTHH:mm" → UTC ms. */
const hkt = (s: string): number => Date.parse(`${s}:00+08:00`);

describe('tables against the Hong Kong Observatory', () => {
  const starts = HKO.flatMap((f) => (f.lunarMonthStarts ?? []).map((m) => ({ ...m, year: f.year })));

  it.each(starts)('$year: lunar month $month (leap $leap) begins $date', ({ date, month, leap }) => {
    expect(lunarDate(date, T)).toEqual({ month, day: 1, leap });
    expect([29, 30]).toContain(lunarDate(addDays(date, -1), T).day);
  });

  it.each(HKO.filter((f) => [2020, 2025, 2027].includes(f.year)))(
    '$year: no other month begins between the published starts', ({ lunarMonthStarts = [] }) => {
      const first = lunarMonthStarts[0]?.date ?? '';
      const last = lunarMonthStarts.at(-1)?.date ?? '';
      const found: string[] = [];
      for (let d = first; d <= last; d = addDays(d, 1)) if (lunarDate(d, T).day === 1) found.push(d);
      expect(found).toEqual(lunarMonthStarts.map((m) => m.date));
    },
  );

  it('2025 has a leap sixth month from 2025-07-25', () => {
    expect(lunarDate('2025-07-24', T)).toEqual({ month: 6, day: 30, leap: false });
    expect(lunarDate('2025-07-25', T)).toEqual({ month: 6, day: 1, leap: true });
    expect(lunarDate('2025-08-22', T)).toEqual({ month: 6, day: 29, leap: true });
    expect(lunarDate('2025-08-23', T)).toEqual({ month: 7, day: 1, leap: false });
  });

  const timed = HKO.flatMap((f) => (f.solarTerms ?? []).map((t, i) => ({ ...t, year: f.year, i })));

  it.each(timed)('$year $key at $hkt HKT (within a minute)', ({ year, i, key, hkt: at }) => {
    const term = termsOfYear(year, T)[i];
    expect(term?.key).toBe(key);
    expect(Math.abs((term?.instant ?? 0) - hkt(at))).toBeLessThanOrEqual(60_000);
    expect(localDate(term?.instant ?? 0, 'Asia/Hong_Kong')).toBe(at.slice(0, 10));
  });

  it('agrees to the minute with 68 of the 72 published term times', () => {
    // lunar-typescript and HKO's almanac data differ by seconds; 4 terms lie ~30 s from a
    // minute's edge and round the other way (2013 小滿, 2025 清明 and 芒種, 2026 大雪).
    const exact = timed.filter((t) => termsOfYear(t.year, T)[t.i]?.instant === hkt(t.hkt));
    expect(timed).toHaveLength(72);
    expect(exact.length).toBe(68);
  });

  const dated = HKO.flatMap((f) => [
    ...(f.solarTermDates ?? []),
    ...(f.solarTerms ?? []).map((t) => ({ key: t.key, date: t.hkt.slice(0, 10) })),
  ]);

  it.each(dated)('$key falls on $date in Hong Kong', ({ key, date }) => {
    expect(termOnDay(date, T, 'Asia/Hong_Kong')?.key).toBe(key);
  });

  const festivals = HKO.flatMap((f) => Object.entries(f.festivals ?? {}).map(([key, date]) => ({ key, date })));

  it.each(festivals)('$key on $date', ({ key, date }) => {
    expect(festivalsOn(date, T)).toContain(key);
  });

  it.each(Object.entries(LNY.lunarNewYear))('Lunar New Year %s is %s', (_, date) => {
    expect(lunarDate(date, T)).toEqual({ month: 1, day: 1, leap: false });
    expect(festivalsOn(date, T)).toContain('chunjie');
  });

  it.each(LNY.monthStartExcerpts)('HKO text table: month $month begins $date', ({ date, month, leap }) => {
    expect(lunarDate(date, T)).toEqual({ month, day: 1, leap });
  });

  it('avoids the ICU traps: Lunar New Year 2027-02-06 and 2030-02-03', () => {
    expect(lunarDate('2027-02-06', T)).toEqual({ month: 1, day: 1, leap: false });
    expect(lunarDate('2027-02-07', T)).toEqual({ month: 1, day: 2, leap: false });
    expect(lunarDate('2030-02-03', T)).toEqual({ month: 1, day: 1, leap: false });
    expect(festivalsOn('2030-02-02', T)).toEqual(['chuxi']);
  });
});

describe('encoding', () => {
  it('keeps every lunar month of 1899–2100 as lunar-typescript computes it', () => {
    for (const y of T.years) {
      expect(y.months, String(y.year)).toEqual(lunarMonths(y.year));
    }
  });

  it('keeps every term instant of 1900–2100 to the minute', () => {
    for (let y = 1900; y <= 2100; y++) {
      expect(termsOfYear(y, T).map((t) => t.instant / 60_000), String(y)).toEqual(termMinutes(y));
    }
    expect(termsOfYear(2026, T).map((t) => t.key)).toEqual([...SOLAR_TERMS]);
  });

  it('moves one lunar day per Gregorian day (property)', () => {
    const first = dayNumber('1900-01-01');
    const last = dayNumber('2100-12-30');
    fc.assert(fc.property(fc.integer({ min: first, max: last }), (n) => {
      const a = lunarDate(dateOfDay(n), T);
      const b = lunarDate(dateOfDay(n + 1), T);
      const sameMonth = b.month === a.month && b.leap === a.leap && b.day === a.day + 1;
      const nextMonth = b.day === 1 && a.day >= 29;
      return sameMonth || nextMonth;
    }), { numRuns: 2000 });
  });

  it('is compact: 1900–2100 and a 2020–2040 slice', () => {
    const full = JSON.stringify(FULL);
    const slice = JSON.stringify(sliceTables(FULL, 2020, 2040));
    // Measured: 6228 B (3762 B gzip) and 1188 B (744 B gzip).
    expect(full.length).toBeLessThan(6500);
    expect(gzipSync(full).length).toBeLessThan(4000);
    expect(slice.length).toBeLessThan(1300);
    expect(gzipSync(slice).length).toBeLessThan(800);
  });

  it('slices equal tables built for the slice', () => {
    expect(sliceTables(FULL, 2020, 2040)).toEqual(buildTables(2020, 2040));
    expect(sliceTables(FULL, 1900, 1900)).toEqual(buildTables(1900, 1900));
    expect(sliceTables(FULL, 2100, 2100)).toEqual(buildTables(2100, 2100));
    const s = decodeTables(sliceTables(FULL, 2020, 2040));
    expect(lunarDate('2026-10-18', s)).toEqual(lunarDate('2026-10-18', T));
    expect(termsOfYear(2040, s)).toEqual(termsOfYear(2040, T));
  });

  it('refuses slices outside the tables and look-ups outside a slice', () => {
    expect(() => sliceTables(FULL, 1899, 1950)).toThrow(RangeError);
    expect(() => sliceTables(FULL, 2030, 2020)).toThrow(RangeError);
    const s = decodeTables(sliceTables(FULL, 2026, 2027));
    expect(() => lunarDate('2029-01-01', s)).toThrow(/2026–2027/);
    expect(() => termsOfYear(2028, s)).toThrow(RangeError);
  });

  it('refuses corrupted JSON', () => {
    const good = sliceTables(FULL, 2026, 2027);
    const bad = (patch: Partial<CalendarTablesJson>): (() => unknown) => () => decodeTables({ ...good, ...patch });
    expect(bad({ lunar: good.lunar.slice(4) })).toThrow(/lengths/);
    expect(bad({ terms: `${good.terms.slice(1)}*` })).toThrow(/bad character/);
    // A different New Year offset breaks the chain of month lengths.
    expect(bad({ lunar: `${good.lunar.slice(0, 4)}A${good.lunar.slice(5)}` })).toThrow(/does not follow/);
  });
});
