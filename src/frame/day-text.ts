/**
 * The day as the header and the built-in card say it: Gregorian date with weekday, lunar
 * date, the solar term in force and its health line, the day's festivals and observances (the
 * header adds the clock). Always in
 * the settings' time zone, never the OS zone. Calendar words come with the tables (CalendarWords); without them, those lines
 * stay empty.
 */
import { isoWeekday } from '../calendar/days.ts';
import { lunarLabel, wordsIn } from '../calendar/calendar-words.ts';
import type { CalendarWords } from '../calendar/tables.ts';
import { localDate } from '../calendar/zone.ts';
import { localText } from '../calendar/local-text.ts';
import { FESTIVALS, OBSERVANCES, SOLAR_TERMS, type Locale } from '../content/keys.ts';
import type { ObservanceRule } from '../content/schema.ts';
import type { CalendarView } from '../schedule/calendar-view.ts';
import { dateLabel, weekdayName } from './words.ts';

/** The day's lines without the clock: they change at midnight and at a solar term only. */
export interface DayText {
  /** "2026年10月18日 星期日" */
  date: string;
  /** "2026年10月18日" */
  day: string;
  /** "星期日" */
  weekday: string;
  /** "九月初九"; empty without calendar tables. */
  lunar: string;
  /** "霜降"; empty without calendar tables. */
  term: string;
  /** The term's health line; empty without calendar tables. */
  tip: string;
  /** The day's festivals and observances, "重陽節"; empty without their names (older tables). */
  marks?: string;
}

export interface DayLines extends DayText {
  /** "HH:mm" */
  time: string;
}

/**
 * @example dayText(Date.parse('2026-10-18T09:00:00+08:00'), 'zh-Hant', 'Asia/Shanghai', cal, tables).lunar // '九月初九'
 */
export function dayText(
  now: number, locale: Locale, timeZone: string, cal?: CalendarView, words?: CalendarWords, custom: readonly ObservanceRule[] = [],
): DayText {
  const date = localDate(now, timeZone);
  const lines: DayText = {
    date: dateLabel(date, locale, true, true), day: dateLabel(date, locale, true, false),
    weekday: weekdayName(isoWeekday(date), locale), lunar: '', term: '', tip: '',
  };
  const { names, tips } = wordsIn(words, locale);
  try {
    if (cal && names) {
      const f = cal.factsAt(now);
      const i = SOLAR_TERMS.indexOf(f.currentTerm.key);
      const observance = (k: string) => {
        const rule = custom.find((r) => r.key === k);
        return rule ? localText(rule.name, locale) : names.observances?.[(OBSERVANCES as readonly string[]).indexOf(k)];
      };
      const marks = [...f.festivals.map((k) => names.festivals?.[FESTIVALS.indexOf(k)]), ...f.observances.map(observance)];
      Object.assign(lines, {
        lunar: lunarLabel(names, f.lunar), term: names.terms[i] ?? '', tip: tips?.[i] ?? '', marks: marks.filter(Boolean).join('・'),
      });
    }
  } catch {
    // Outside the tables' years: the clock and the Gregorian date still show.
  }
  return lines;
}
