/**
 * Build-time calendar tables (Node only, never shipped): lunar months and solar-term instants
 * computed with lunar-typescript (寿星万年历 algorithms), packed into the compact JSON that
 * src/calendar/tables.ts documents and decodes.
 *
 * Time zones: the Chinese calendar is reckoned in China Standard Time (UTC+8). lunar-typescript
 * works in Julian days of Beijing time: its new moons are whole Beijing days and its term Julian
 * days are Beijing wall-clock instants (ShouXingUtil adds 8/24 day). So a term's UTC instant is
 * (JD − 2440587.5) days after the Unix epoch, less 8 hours.
 */
import { LunarYear, Solar } from 'lunar-typescript';
import { B64, TERM_BIAS, TERM_EPOCH_YEAR, termModel, type CalendarTablesJson } from '../../src/calendar/tables.ts';
import { dayNumber } from '../../src/calendar/days.ts';
import { calendarNames } from '../../src/calendar/names.ts';
import type { CalendarWords } from '../../src/calendar/tables.ts';
import { LOCALES, SOLAR_TERMS, type Locale } from '../../src/content/keys.ts';
import { termTip } from './term-tips.ts';

/** Julian day of 1970-01-01 00:00 (UTC, or Beijing time for Beijing-time Julian days). */
const UNIX_EPOCH_JD = 2440587.5;
const CST_MINUTES = 8 * 60;
/**
 * The years the term model is fitted on. Fixed, so that the coefficients do not depend on the
 * range asked for and a slice of a large table equals a table built for the slice's years.
 */
const FIT_FIRST = 1899;
const FIT_LAST = 2101;

/**
 * The 24 term instants (UTC minutes, rounded) of a Gregorian year, 小寒 … 冬至.
 * @example termMinutes(2026)[2] // 立春 2026, 2026-02-03T20:02Z
 */
export function termMinutes(year: number): number[] {
  // LunarYear(y) lists 31 terms from 大雪 of y-1; positions 2–25 are 小寒 … 冬至 of year y.
  return LunarYear.fromYear(year).getJieQiJulianDays().slice(2, 26)
    .map((jd) => Math.round((jd - UNIX_EPOCH_JD) * 1440) - CST_MINUTES);
}

interface LunarMonthInfo { month: number; leap: boolean; start: number; length: number }

/** The months of a lunar year in order (leap month included), first days as day numbers. */
export function lunarMonths(year: number): LunarMonthInfo[] {
  return LunarYear.fromYear(year).getMonthsInYear().map((m) => ({
    month: Math.abs(m.getMonth()),
    leap: m.isLeap(),
    // New moons are whole Julian days at Beijing noon: the Beijing date is the day.
    start: dayNumber(Solar.fromJulianDay(m.getFirstJulianDay()).toYmd()),
    length: m.getDayCount(),
  }));
}

function fitTermModel(): { termBase: number[]; termRate: number[] } {
  const rows: number[][] = [];
  for (let y = FIT_FIRST; y <= FIT_LAST; y++) rows.push(termMinutes(y));
  const termBase: number[] = [];
  const termRate: number[] = [];
  for (let i = 0; i < 24; i++) {
    // Least squares of minutes against (year − 2000); kept to a few decimals so the JSON is short.
    const xs = rows.map((_, k) => FIT_FIRST + k - TERM_EPOCH_YEAR);
    const ys = rows.map((r) => r[i] ?? 0);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    let sxy = 0;
    let sxx = 0;
    xs.forEach((x, k) => {
      sxy += (x - mx) * ((ys[k] ?? 0) - my);
      sxx += (x - mx) ** 2;
    });
    const rate = sxy / sxx;
    termRate.push(Math.round(rate * 1e4) / 1e4);
    termBase.push(Math.round(my - rate * mx));
  }
  return { termBase, termRate };
}

let model: { termBase: number[]; termRate: number[] } | undefined;

function encode(value: number, chars: number): string {
  let s = '';
  for (let j = chars - 1; j >= 0; j--) s += B64[Math.floor(value / 64 ** j) % 64];
  return s;
}

/**
 * Computes the tables for every day of the Gregorian years firstYear … lastYear (1900–2100
 * tested). Throws if a value does not fit the encoding.
 * @example writeFileSync('calendar.json', JSON.stringify(buildTables(2020, 2040)))
 */
export function buildTables(firstYear: number, lastYear: number): CalendarTablesJson {
  if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || firstYear > lastYear) {
    throw new RangeError(`calendar tables: bad year range ${firstYear}–${lastYear}`);
  }
  model ??= fitTermModel();
  let lunar = '';
  for (let y = firstYear - 1; y <= lastYear; y++) {
    const months = lunarMonths(y);
    const first = months[0];
    const leap = months.find((m) => m.leap)?.month ?? 0;
    const next = lunarMonths(y + 1)[0];
    const last = months.at(-1);
    const offset = first ? first.start - dayNumber(`${y}-01-01`) : -1;
    if (!first || !next || !last || first.month !== 1 || first.leap || offset < 0 || offset > 63 ||
      last.start + last.length !== next.start || months.length !== (leap ? 13 : 12)) {
      throw new Error(`calendar tables: lunar year ${y} does not fit the encoding`);
    }
    const lengths = months.reduce((bits, m, k) => bits + (m.length === 30 ? 2 ** k : 0), 0);
    lunar += encode(offset * 2 ** 17 + leap * 2 ** 13 + lengths, 4);
  }
  const { termBase, termRate } = model;
  // 冬至 of firstYear-1, the 24 terms of each year, 小寒 of lastYear+1.
  const entries: [year: number, index: number, minutes: number][] = [
    [firstYear - 1, 23, termMinutes(firstYear - 1)[23] ?? NaN],
  ];
  for (let y = firstYear; y <= lastYear; y++) {
    termMinutes(y).forEach((m, i) => entries.push([y, i, m]));
  }
  entries.push([lastYear + 1, 0, termMinutes(lastYear + 1)[0] ?? NaN]);
  let terms = '';
  for (const [y, i, m] of entries) {
    const c = m - termModel({ termBase, termRate }, i, y) + TERM_BIAS;
    if (!(c >= 0 && c < 64)) throw new Error(`calendar tables: term ${i} of ${y} is too far from the model`);
    terms += B64[c];
  }
  return { format: 1, firstYear, lastYear, lunar, termBase, termRate, terms };
}

/**
 * The calendar words shipped with the tables for the given locales (solar-term names, lunar
 * month and day words, each term's health line): the screen shows them without carrying name
 * lists in its code.
 * @example calendarWords(['zh-Hant']).names?.['zh-Hant']?.terms[19] // '霜降'
 */
export function calendarWords(locales: Iterable<Locale>): Required<CalendarWords> {
  const names: CalendarWords['names'] = {};
  const tips: CalendarWords['tips'] = {};
  for (const l of LOCALES.filter((x) => [...locales].includes(x))) {
    names[l] = calendarNames(l);
    tips[l] = SOLAR_TERMS.map((t) => termTip(t, l));
  }
  return { names, tips };
}
