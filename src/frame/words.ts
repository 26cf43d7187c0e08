/**
 * Every word the kiosk itself puts on the glass, in zh-Hant, zh-Hans and en, and the date
 * formats. Content words come from the items; countdowns from src/schedule (describeCountdown, drawn through ./glass.ts).
 */
import { isoWeekday } from '../calendar/days.ts';
import type { Locale } from '../content/keys.ts';
import { KIND_WORDS } from '../content/kind-words.ts';
import { LOCALE_INDEX } from '../content/locale-index.ts';

type Triple = readonly [zhHant: string, zhHans: string, en: string];

const W = {
  loading: ['正在載入內容…', '正在载入内容…', 'Loading content…'],
  sample: ['示例', '示例', 'Sample'],
  screens: ['螢幕清單', '屏幕清单', 'Screens'],
  pick: ['請選擇這台螢幕的設定：', '请选择这台屏幕的设定：', 'Choose this screen’s profile:'],
  unknown: ['找不到螢幕「{id}」。', '找不到屏幕“{id}”。', 'There is no screen “{id}”. '],
  none: ['內容裡還沒有螢幕設定。', '内容里还没有屏幕设定。', 'The content has no screen profiles yet.'],
  ...KIND_WORDS,
  today: ['今日', '今日', 'Today'],
  term: ['節氣', '节气', 'Solar term'],
  when: ['時間', '时间', 'When'],
  where: ['地點', '地点', 'Where'],
  scan: ['掃碼了解詳情', '扫码了解详情', 'Scan for details'],
  colon: ['：', '：', ': '],
} satisfies Record<string, Triple>;

export type Words = { readonly [K in keyof typeof W]: string };

const cache = new Map<Locale, Words>();

/** The kiosk's words in a locale. @example words('zh-Hans').loading // '正在载入内容…' */
export function words(locale: Locale): Words {
  let w = cache.get(locale);
  if (!w) {
    w = Object.fromEntries(Object.entries(W).map(([k, t]) => [k, t[LOCALE_INDEX[locale]]])) as Words;
    cache.set(locale, w);
  }
  return w;
}

const EN_DAYS = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' ');
const EN_MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** @example weekdayName(7, 'zh-Hant') // '星期日' */
export function weekdayName(iso: number, locale: Locale): string {
  return locale === 'en' ? EN_DAYS[iso - 1] ?? '' : `星期${'一二三四五六日'[iso - 1] ?? ''}`;
}

/**
 * A local "YYYY-MM-DD" for the glass.
 * @example dateLabel('2026-10-18', 'zh-Hant', true, true) // '2026年10月18日 星期日'
 * @example dateLabel('2026-10-18', 'en', false, true) // 'Sunday 18 October'
 */
export function dateLabel(date: string, locale: Locale, year: boolean, weekday: boolean): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wd = weekday ? weekdayName(isoWeekday(date), locale) : '';
  if (locale === 'en') return `${wd} ${d} ${EN_MONTHS[m - 1] ?? ''}${year ? ` ${y}` : ''}`.trim();
  return `${year ? `${y}年` : ''}${m}月${d}日${wd ? ` ${wd}` : ''}`;
}
