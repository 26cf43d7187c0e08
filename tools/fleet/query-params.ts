/** The dashboard's query parameters, checked before any SQL: a range of local dates (at most 400 days) and a language. */
import { dayNumber } from '../../src/calendar/days.ts';
import { LOCALES, type Locale } from '../../src/content/keys.ts';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function dateRange(from: string | undefined, to: string | undefined): [string, string] | undefined {
  if (!from || !to || !DATE.test(from) || !DATE.test(to)) return undefined;
  const span = dayNumber(to) - dayNumber(from);
  return span >= 0 && span < 400 ? [from, to] : undefined;
}

/** The `lang` asked for, or zh-Hant. */
export const localeOf = (lang: string | undefined): Locale => ((LOCALES as readonly string[]).includes(lang ?? '') ? (lang as Locale) : 'zh-Hant');
