/**
 * Observances: named days fixed by month and day ("MM-DD") or by the nth ISO weekday of a
 * month (nth −1 = the last). The built-in ones, plus those settings.json defines; a settings
 * rule with a built-in key replaces the built-in rule (a district may hold a day elsewhen).
 */
import { OBSERVANCES } from '../content/keys.ts';
import type { ObservanceRule } from '../content/schema.ts';
import { daysInMonth, dayNumber, isoWeekday } from './days.ts';

/** An observance rule without its display name. */
export type DayRule =
  | { key: string; date: string }
  | { key: string; month: number; weekday: number; nth: number };

/**
 * The built-in observances (names in names.ts).
 * science-day, 全國科普日: since 2005 the China Association for Science and Technology (CAST,
 * 中國科協) holds it from "the third public rest day of September" (每年9月第三个公休日, i.e.
 * the third weekend), for about a week. Read here as the third Saturday of September, which
 * matches the launch days 2009-09-19, 2017-09-16, 2018-09-15 and 2020-09-19. Sources:
 * kepuri.xatzy.com/info/1021/1029.htm (全國科普日 簡介), cyscc.org.cn "National Science Day"
 * ("the third public holiday in every September"), sast.gov.cn/ec/460/18107.html ("the third
 * weekend of September"). Some years started on another day (2021-09-11, 2023-09-17); since
 * 2025 the revised 科普法 also makes all of September 全國科普月. A settings.json rule with the key
 * "science-day" (e.g. {"key": "science-day", "date": "09-17", …}) overrides this one.
 */
export const BUILT_IN_OBSERVANCES: readonly DayRule[] = [
  { key: 'tree-planting-day', date: '03-12' },
  { key: 'national-security-day', date: '04-15' },
  { key: 'disaster-prevention-day', date: '05-12' },
  { key: 'environment-day', date: '06-05' },
  { key: 'science-day', month: 9, weekday: 6, nth: 3 },
  { key: 'fire-safety-day', date: '11-09' },
  { key: 'traffic-safety-day', date: '12-02' },
];

/**
 * Whether a rule falls on a date.
 * @example ruleMatches({ key: 'x', month: 9, weekday: 6, nth: 3 }, '2026-09-19') // true
 */
export function ruleMatches(rule: DayRule, date: string): boolean {
  dayNumber(date); // refuses non-dates
  if ('date' in rule) return date.slice(5) === rule.date;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (month !== rule.month || isoWeekday(date) !== rule.weekday) return false;
  return rule.nth === -1 ? day + 7 > daysInMonth(year, month) : Math.ceil(day / 7) === rule.nth;
}

/**
 * The observance keys on a date: built-in ones (in OBSERVANCES order), then the settings'
 * extra ones (in their order).
 * @example observancesOn('2026-09-19') // ['science-day']
 */
export function observancesOn(date: string, extra: readonly ObservanceRule[] = []): string[] {
  const rules = new Map<string, DayRule>(BUILT_IN_OBSERVANCES.map((r) => [r.key, r]));
  for (const r of extra) rules.set(r.key, r);
  const keys = [...OBSERVANCES, ...extra.map((r) => r.key)];
  return [...new Set(keys)].filter((k) => {
    const rule = rules.get(k);
    return rule !== undefined && ruleMatches(rule, date);
  });
}
