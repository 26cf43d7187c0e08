/**
 * The calendar tables: computed at build time (tools/lib/calendar-tables.ts, with lunar-typescript),
 * shipped to the screens as compact JSON, decoded once into arrays for table look-ups.
 *
 * Encoding (format 1). Both strings use the base64url alphabet, one character = 6 bits.
 * - `lunar`: 4 characters (24 bits, most significant first) per lunar year, for the lunar years
 *   firstYear-1 … lastYear (the one before is needed for January and early February):
 *     bits 0–12  month lengths, bit k set = the k-th month of the year (leap month included,
 *                in calendar order) has 30 days, else 29;
 *     bits 13–16 the leap month's number (1–12), 0 if the year has none;
 *     bits 17–22 days from 1 January of the same Gregorian year to 正月初一 (Lunar New Year).
 *   The next year's New Year follows from the month lengths, so every day is covered.
 * - `terms`: one character per solar-term instant, in time order: 冬至 of firstYear-1, then the
 *   24 terms 小寒 … 冬至 of each year, then 小寒 of lastYear+1 (the neighbours make "the term in
 *   force" answerable on every day of the range). A term i of year y lies at
 *     round(termBase[i] + termRate[i] × (y − 2000)) + (code − 32)   minutes since the epoch (UTC),
 *   i.e. a per-term linear mean plus a residual of −32…31 minutes (1900–2100 stays within ±20).
 *   Instants are rounded to the minute, as the Hong Kong Observatory publishes them.
 */
import type { Locale } from '../content/keys.ts';
import { dayNumber } from './days.ts';

/**
 * The calendar words of one locale, written by the compiler next to the tables (for the locales
 * the screens use), so that the screen carries no name lists of its own.
 */
export interface CalendarNames {
  /** The 24 solar terms, 小寒 … 冬至. */
  terms: string[];
  /** Lunar months 1–12: "正月" … "臘月" ("1/" … "12/" in English). */
  months: string[];
  /** Lunar days 1–30: "初一" … "三十". */
  days: string[];
  /** Before every lunar date ("" or "Lunar ") and before a leap month's name ("閏", "leap "). */
  lunar: [prefix: string, leap: string];
  /** The lunar festivals, in FESTIVALS order (missing in tables made before they were added). */
  festivals?: string[];
  /** The built-in observances, in OBSERVANCES order (likewise). */
  observances?: string[];
}

/** Optional words shipped with the tables, by locale. */
export interface CalendarWords {
  names?: Partial<Record<Locale, CalendarNames>>;
  /** One health line per solar term (小寒 … 冬至), for the built-in card. */
  tips?: Partial<Record<Locale, string[]>>;
}

export interface CalendarTablesJson extends CalendarWords {
  /** Encoding version; any change to the encoding bumps it. */
  format: 1;
  /** Gregorian years covered: every day from firstYear-01-01 to lastYear-12-31. */
  firstYear: number;
  lastYear: number;
  /** 4 characters per lunar year firstYear-1 … lastYear (see the module comment). */
  lunar: string;
  /** Per term (小寒 … 冬至): mean instant in year 2000, minutes since the epoch (UTC). */
  termBase: number[];
  /** Per term: minutes per year. */
  termRate: number[];
  /** One residual character per term instant (see the module comment). */
  terms: string;
}

export interface LunarMonthTable {
  /** 1–12 */
  month: number;
  leap: boolean;
  /** Day number (days since 1970-01-01) of its first day. */
  start: number;
  /** 29 or 30 */
  length: number;
}

export interface LunarYearTable {
  /** The Gregorian year in which this lunar year begins. */
  year: number;
  months: LunarMonthTable[];
}

/** Decoded tables: plain arrays for look-ups, and the words as shipped. */
export interface CalendarTables extends Readonly<CalendarWords> {
  readonly firstYear: number;
  readonly lastYear: number;
  /** Lunar years firstYear-1 … lastYear. */
  readonly years: readonly LunarYearTable[];
  /** Term instants (UTC ms): 冬至 of firstYear-1, 24 a year 小寒 … 冬至, 小寒 of lastYear+1. */
  readonly terms: readonly number[];
}

/** base64url: 64 characters, 6 bits each. */
export const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Added to a term's residual (minutes) to make it a 0–63 code. */
export const TERM_BIAS = 32;
/** The year the term model's termBase refers to. */
export const TERM_EPOCH_YEAR = 2000;

function code(s: string, i: number): number {
  const c = B64.indexOf(s.charAt(i));
  if (c < 0) throw new Error(`calendar tables: bad character at ${i}`);
  return c;
}

/**
 * The model's instant (UTC minutes) of term i in year y, before the residual. Shared with the
 * build so that both sides round the same floating-point number.
 */
export function termModel(json: Pick<CalendarTablesJson, 'termBase' | 'termRate'>, i: number, year: number): number {
  return Math.round((json.termBase[i] ?? 0) + (json.termRate[i] ?? 0) * (year - TERM_EPOCH_YEAR));
}

/**
 * Decodes the shipped JSON into look-up tables; throws if the JSON is not consistent.
 * @example const tables = decodeTables(await (await fetch(url)).json());
 */
export function decodeTables(json: CalendarTablesJson): CalendarTables {
  const { firstYear, lastYear, lunar, terms } = json;
  const n = lastYear - firstYear + 1;
  if (json.format !== 1 || !(n >= 1) || lunar.length !== (n + 1) * 4 ||
    terms.length !== n * 24 + 2 || json.termBase.length !== 24 || json.termRate.length !== 24) {
    throw new Error('calendar tables: not format 1, or lengths do not match the years');
  }
  const years: LunarYearTable[] = [];
  for (let k = 0; k <= n; k++) {
    const year = firstYear - 1 + k;
    let bits = 0;
    for (let j = 0; j < 4; j++) bits = bits * 64 + code(lunar, k * 4 + j);
    const leap = (bits >> 13) & 15;
    let start = dayNumber(`${year}-01-01`) + (bits >> 17);
    const prev = years[k - 1]?.months.at(-1);
    if (prev && prev.start + prev.length !== start) {
      throw new Error(`calendar tables: lunar year ${year} does not follow ${year - 1}`);
    }
    const months: LunarMonthTable[] = [];
    let i = 0;
    const push = (month: number, isLeap: boolean): void => {
      const length = (bits >> i++) & 1 ? 30 : 29;
      months.push({ month, leap: isLeap, start, length });
      start += length;
    };
    // A leap month follows the month whose number it repeats.
    for (let m = 1; m <= 12; m++) {
      push(m, false);
      if (m === leap) push(m, true);
    }
    years.push({ year, months });
  }
  const instants: number[] = [];
  for (let k = 0; k < terms.length; k++) {
    // Position k: 冬至 (index 23) of firstYear-1, then 小寒 (0) of firstYear, …
    const i = termIndexAt(k);
    const year = firstYear - 1 + Math.floor((k + 23) / 24);
    instants.push((termModel(json, i, year) + code(terms, k) - TERM_BIAS) * 60_000);
  }
  return { firstYear, lastYear, years, terms: instants, names: json.names, tips: json.tips };
}

/**
 * The part of the tables for the Gregorian years firstYear … lastYear (the compiler ships a
 * slice to the screens). Throws if the slice is not inside the tables.
 * @example sliceTables(buildTables(1900, 2100), 2020, 2040)
 */
export function sliceTables(json: CalendarTablesJson, firstYear: number, lastYear: number): CalendarTablesJson {
  if (!(firstYear >= json.firstYear && lastYear <= json.lastYear && firstYear <= lastYear)) {
    throw new RangeError(`calendar tables: ${firstYear}–${lastYear} is not inside ${json.firstYear}–${json.lastYear}`);
  }
  const k = firstYear - json.firstYear;
  const n = lastYear - firstYear + 1;
  return {
    format: 1,
    firstYear,
    lastYear,
    lunar: json.lunar.slice(k * 4, (k + n + 1) * 4),
    termBase: json.termBase.slice(),
    termRate: json.termRate.slice(),
    terms: json.terms.slice(k * 24, k * 24 + n * 24 + 2),
    ...(json.names && { names: json.names }),
    ...(json.tips && { tips: json.tips }),
  };
}

/** Index in SOLAR_TERMS of the term at position k of CalendarTables.terms. */
export function termIndexAt(k: number): number {
  return (k + 23) % 24;
}

/** Throws the RangeError every look-up outside the tables gives. */
export function outOfRange(what: string, tables: CalendarTables): never {
  throw new RangeError(`calendar tables cover ${tables.firstYear}–${tables.lastYear}; ${what} is outside`);
}

