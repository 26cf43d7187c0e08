/**
 * Display names of calendar keys in the three locales, for the tools and the preview. The
 * screen does not bundle this file: the compiler ships the words it needs (calendarNames) with
 * the calendar tables.
 */
import {
  FESTIVALS, OBSERVANCES, SEASONS, SOLAR_TERMS, type Festival, type Locale, type Season, type SolarTerm,
} from '../content/keys.ts';
import type { ObservanceRule } from '../content/schema.ts';
import { lunarLabel } from './calendar-words.ts';
import { localText } from './local-text.ts';
import type { CalendarNames } from './tables.ts';
import type { LunarDate } from './types.ts';

export { localText };

type Names = Record<Locale, string[]>;

const split = (hant: string, hans: string, en: string): Names => ({
  'zh-Hant': hant.split(' '), 'zh-Hans': hans.split(' '), en: en.split(','),
});

const TERMS = split(
  '小寒 大寒 立春 雨水 驚蟄 春分 清明 穀雨 立夏 小滿 芒種 夏至 小暑 大暑 立秋 處暑 白露 秋分 寒露 霜降 立冬 小雪 大雪 冬至',
  '小寒 大寒 立春 雨水 惊蛰 春分 清明 谷雨 立夏 小满 芒种 夏至 小暑 大暑 立秋 处暑 白露 秋分 寒露 霜降 立冬 小雪 大雪 冬至',
  'Minor Cold,Major Cold,Start of Spring,Rain Water,Awakening of Insects,Spring Equinox,' +
  'Pure Brightness,Grain Rain,Start of Summer,Grain Buds,Grain in Ear,Summer Solstice,' +
  'Minor Heat,Major Heat,Start of Autumn,End of Heat,White Dew,Autumn Equinox,Cold Dew,' +
  'Frost Descent,Start of Winter,Minor Snow,Major Snow,Winter Solstice',
);

const FESTIVAL_NAMES = split(
  '春節 元宵節 龍抬頭 端午節 七夕 中元節 中秋節 重陽節 臘八節 小年 除夕 清明節 冬至',
  '春节 元宵节 龙抬头 端午节 七夕 中元节 中秋节 重阳节 腊八节 小年 除夕 清明节 冬至',
  'Spring Festival,Lantern Festival,Dragon Raises Its Head,Dragon Boat Festival,Qixi Festival,' +
  'Zhongyuan Festival,Mid-Autumn Festival,Double Ninth Festival,Laba Festival,Little New Year,' +
  "Lunar New Year's Eve,Qingming Festival,Winter Solstice Festival",
);

const OBSERVANCE_NAMES = split(
  '植樹節 全民國家安全教育日 全國防災減災日 世界環境日 全國科普日 全國消防日 全國交通安全日',
  '植树节 全民国家安全教育日 全国防灾减灾日 世界环境日 全国科普日 全国消防日 全国交通安全日',
  'Tree Planting Day,National Security Education Day,Disaster Prevention and Reduction Day,' +
  'World Environment Day,National Science Popularization Day,Fire Safety Day,' +
  'National Traffic Safety Day',
);

const SEASON_NAMES = split('春季 夏季 秋季 冬季', '春季 夏季 秋季 冬季', 'Spring,Summer,Autumn,Winter');

const pick = (names: Names, i: number, locale: Locale): string => names[locale][i] ?? names['zh-Hant'][i] ?? '';

/** @example termName('shuangjiang', 'zh-Hant') // '霜降' */
export function termName(key: SolarTerm, locale: Locale): string {
  return pick(TERMS, SOLAR_TERMS.indexOf(key), locale);
}

/** @example festivalName('chongyang', 'zh-Hans') // '重阳节' */
export function festivalName(key: Festival, locale: Locale): string {
  return pick(FESTIVAL_NAMES, FESTIVALS.indexOf(key), locale);
}

/** @example seasonName('autumn', 'en') // 'Autumn' */
export function seasonName(key: Season, locale: Locale): string {
  return pick(SEASON_NAMES, SEASONS.indexOf(key), locale);
}

/**
 * Name of an observance: a settings rule's own name first (it may rename a built-in day), then
 * the built-in name, else the key itself.
 * @example observanceName('science-day', 'zh-Hant') // '全國科普日'
 */
export function observanceName(key: string, locale: Locale, extra: readonly ObservanceRule[] = []): string {
  const rule = extra.find((r) => r.key === key);
  if (rule) return localText(rule.name, locale) || key;
  const i = (OBSERVANCES as readonly string[]).indexOf(key);
  return i >= 0 ? pick(OBSERVANCE_NAMES, i, locale) : key;
}

const DIGITS = '〇一二三四五六七八九十';

/** 1–30 as 初一 … 初十, 十一 … 二十, 廿一 … 廿九, 三十. */
function lunarDayName(d: number): string {
  if (d <= 10) return `初${DIGITS[d]}`;
  if (d === 20 || d === 30) return `${DIGITS[d / 10]}十`;
  return `${['十', '廿'][Math.floor(d / 10) - 1] ?? ''}${DIGITS[d % 10]}`;
}

/**
 * The calendar words of a locale as the compiler ships them with the tables.
 * @example lunarLabel(calendarNames('zh-Hans'), { month: 12, day: 30, leap: false }) // '腊月三十'
 */
export function calendarNames(locale: Locale): CalendarNames {
  const n = Array.from({ length: 30 }, (_, i) => i + 1);
  const marks = { festivals: FESTIVALS.map((k) => festivalName(k, locale)), observances: OBSERVANCES.map((k) => observanceName(k, locale)) };
  if (locale === 'en') {
    return { terms: TERMS.en, months: n.slice(0, 12).map((m) => `${m}/`), days: n.map(String), lunar: ['Lunar ', 'leap '], ...marks };
  }
  const hans = locale === 'zh-Hans';
  const month = (m: number) => m === 1 ? '正' : m === 12 ? (hans ? '腊' : '臘') : m <= 10 ? DIGITS[m] : `十${DIGITS[m - 10]}`;
  return {
    terms: TERMS[locale], months: n.slice(0, 12).map((m) => `${month(m)}月`), days: n.map(lunarDayName),
    lunar: ['', hans ? '闰' : '閏'], ...marks,
  };
}

/**
 * A lunar date for display: "九月初九", "閏六月初一", "正月十五", "臘月三十" (zh-Hant), with 闰 and
 * 腊 in zh-Hans, and "Lunar 9/9" or "Lunar leap 6/1" in English.
 * @example formatLunar({ month: 12, day: 30, leap: false }, 'zh-Hans') // '腊月三十'
 */
export function formatLunar(lunar: LunarDate, locale: Locale): string {
  return lunarLabel(calendarNames(locale), lunar);
}
