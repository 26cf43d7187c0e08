/**
 * Lunar festivals on a Gregorian date. Fixed lunar days of ordinary (not leap) months, 除夕 on
 * the last day of the lunar year (29th or 30th of the twelfth month), and 清明 and 冬至 on the
 * local day their solar term's instant falls.
 */
import { FESTIVALS, type Festival } from '../content/keys.ts';
import { lunarDay } from './lunar.ts';
import type { CalendarTables } from './tables.ts';
import { termOnDay } from './terms.ts';

/** "month/day" of the festivals fixed on a lunar day; 小年 12/23 is the northern custom. */
const LUNAR_FIXED: Readonly<Record<string, Festival>> = {
  '1/1': 'chunjie', '1/15': 'yuanxiao', '2/2': 'longtaitou', '5/5': 'duanwu', '7/7': 'qixi',
  '7/15': 'zhongyuan', '8/15': 'zhongqiu', '9/9': 'chongyang', '12/8': 'laba', '12/23': 'xiaonian',
};

/**
 * The festivals on a date (in FESTIVALS order). 清明 and 冬至 are found on the local day of
 * their term in the given zone (default Asia/Shanghai).
 * @example festivalsOn('2026-10-18', tables) // ['chongyang']
 */
export function festivalsOn(date: string, tables: CalendarTables, timeZone = 'Asia/Shanghai'): Festival[] {
  const lunar = lunarDay(date, tables);
  const found = new Set<Festival>();
  // Leap months repeat a month's number but not its festivals.
  const fixed = lunar.leap ? undefined : LUNAR_FIXED[`${lunar.month}/${lunar.day}`];
  if (fixed) found.add(fixed);
  // 除夕 is the eve of the New Year: the last day of the year's last month (no year from 1900
  // to 2100 has a leap twelfth month, so that is always the twelfth month's 29th or 30th).
  if (lunar.yearEnd) found.add('chuxi');
  const term = termOnDay(date, tables, timeZone)?.key;
  if (term === 'qingming' || term === 'dongzhi') found.add(term);
  return FESTIVALS.filter((f) => found.has(f));
}
