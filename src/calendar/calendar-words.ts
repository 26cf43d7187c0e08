/**
 * The calendar words the screen shows (solar term, lunar date, the term's health line), read
 * from the words the compiler ships with the tables (see CalendarWords in ./tables.ts).
 */
import type { Locale } from '../content/keys.ts';
import type { CalendarNames, CalendarWords } from './tables.ts';
import type { LunarDate } from './types.ts';

/** The words of a locale, else of zh-Hant, else of any locale shipped. */
export function wordsIn(words: CalendarWords | undefined, locale: Locale): { names?: CalendarNames; tips?: string[] } {
  const pick = <T>(m: Partial<Record<Locale, T>> | undefined) => m && (m[locale] ?? m['zh-Hant'] ?? Object.values(m)[0]);
  return { names: pick(words?.names), tips: pick(words?.tips) };
}

/**
 * A lunar date in words: "九月初九", "閏六月初一", "Lunar leap 6/1".
 * @example lunarLabel(names, { month: 9, day: 9, leap: false }) // '九月初九'
 */
export function lunarLabel(n: CalendarNames, l: LunarDate): string {
  return `${n.lunar[0]}${l.leap ? n.lunar[1] : ''}${n.months[l.month - 1] ?? ''}${n.days[l.day - 1] ?? ''}`;
}
