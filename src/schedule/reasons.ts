/**
 * Reasons in plain words, in zh-Hant, zh-Hans and en: what staff read in the preview and in
 * `npm run plan`. Only this file decides the wording; the schedule returns codes and params.
 *
 * @example describeReason({ rule: 'dates', ok: false, code: 'outside-dates', params: { from: '2026-10-15', until: '2026-10-25' } }, 'zh-Hant')
 *   // → "不在播放期間 10/15–10/25"
 */
import { festivalName, localText, observanceName, seasonName, termName } from '../calendar/names.ts';
import { FESTIVALS, SEASONS, SOLAR_TERMS, type Locale } from '../content/keys.ts';
import { LOCALE_INDEX } from '../content/locale-index.ts';
import type { LocalText, ObservanceRule, Screen, Settings } from '../content/schema.ts';
import type { ParamValue, Reason, ReasonCode } from './reason.ts';

/** Names the words may use: places (screen.placeNames) and the observances settings.json defines. */
export interface WordsOptions {
  placeNames?: Readonly<Record<string, LocalText>>;
  observances?: readonly ObservanceRule[];
}

/** WordsOptions from a screen (its place names) and the settings (custom observances). */
export function wordsFor(screen?: Screen, settings?: Settings): WordsOptions {
  return { placeNames: screen?.placeNames, observances: settings?.observances };
}

type Triple = readonly [zhHant: string, zhHans: string, en: string];
type Params = Readonly<Record<string, ParamValue>>;

/** Formatting helpers bound to one language. */
interface Fmt {
  en: boolean;
  /** The entry of a triple for this language. */
  pick(t: Triple): string;
  /** "2026-10-15" → "10/15"; "2026-10-15 09:00" → "10/15 09:00". */
  date(v: ParamValue | undefined): string;
  range(p: Params): Triple;
  list(v: ParamValue | undefined, name?: (k: string) => string): string;
  place(k: string): string;
  term(k: string): string;
  festival(k: string): string;
  observance(k: string): string;
  season(k: string): string;
  weekday(k: string): string;
}

const WEEKDAYS = ['一二三四五六日', '一二三四五六日', 'Mon Tue Wed Thu Fri Sat Sun'] as const;
const among = <K extends string>(list: readonly K[], k: string): k is K => (list as readonly string[]).includes(k);
const str = (v: ParamValue | undefined): string => (v === undefined ? '' : String(v));

function fmt(lang: Locale, opts: WordsOptions): Fmt {
  const en = lang === 'en';
  const date = (v: ParamValue | undefined) => {
    const m = /^\d{4}-(\d{2})-(\d{2})( \d{2}:\d{2})?$/.exec(str(v));
    return m ? `${Number(m[1])}/${Number(m[2])}${m[3] ?? ''}` : str(v);
  };
  return {
    en,
    pick: (t) => t[LOCALE_INDEX[lang]],
    date,
    range: (p) => {
      const [f, u] = [date(p.from), date(p.until)];
      if (p.from !== undefined && p.until !== undefined) return [`${f}–${u}`, `${f}–${u}`, `${f}–${u}`];
      if (p.from !== undefined) return [`${f} 起`, `${f} 起`, `from ${f}`];
      return [`至 ${u}`, `至 ${u}`, `until ${u}`];
    },
    list: (v, name = (k) => k) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((k) => name(String(k))).join(en ? ', ' : '、'),
    place: (k) => {
      const n = opts.placeNames?.[k];
      return n === undefined ? k : localText(n, lang);
    },
    term: (k) => (among(SOLAR_TERMS, k) ? termName(k, lang) : k),
    festival: (k) => (among(FESTIVALS, k) ? festivalName(k, lang) : k),
    observance: (k) => observanceName(k, lang, opts.observances),
    season: (k) => (among(SEASONS, k) ? seasonName(k, lang) : k),
    weekday: (k) => {
      const i = Number(k) - 1;
      return en ? WEEKDAYS[2].split(' ')[i] ?? k : `星期${WEEKDAYS[0][i] ?? k}`;
    },
  };
}


const WORDS: Record<ReasonCode, (p: Params, f: Fmt) => Triple> = {
  draft: () => ['草稿（只在預覽顯示）', '草稿（只在预览显示）', 'Draft (preview only)'],
  'where-place': (p, f) => [`適用於${f.place(str(p.place))}`, `适用于${f.place(str(p.place))}`, `For ${f.place(str(p.place))}`],
  'where-tag': (p) => [`適用於標籤「${str(p.tag)}」的螢幕`, `适用于标签“${str(p.tag)}”的屏幕`, `For screens tagged "${str(p.tag)}"`],
  'where-elsewhere': (p, f) => {
    const both = f.list(p.where, (w) => {
      if (!w.startsWith('tag:')) return f.place(w);
      const t = w.slice(4);
      return f.pick([`標籤「${t}」`, `标签“${t}”`, `tag "${t}"`]);
    });
    return [`僅限${both}`, `仅限${both}`, `Only for ${both}`];
  },
  'share-cap': (p) => [`來源「${str(p.feed)}」最多佔本輪的 ${str(p.max)}%，這則放不下，本輪不播`, `来源“${str(p.feed)}”最多占本轮的 ${str(p.max)}%，这则放不下，本轮不播`, `Feed "${str(p.feed)}" may fill at most ${str(p.max)}% of the loop; this one does not fit`],
  'feed-scope': (p) => [`來源「${str(p.feed)}」所轄的螢幕`, `来源“${str(p.feed)}”所辖的屏幕`, `For the screens of feed "${str(p.feed)}"`],
  'feed-not-named': (p) => [`這個螢幕的設定沒有列入來源「${str(p.feed)}」`, `这个屏幕的设置没有列入来源“${str(p.feed)}”`, `This screen's profile does not name feed "${str(p.feed)}"`],
  'feed-elsewhere': (p) => [`這個螢幕不在來源「${str(p.feed)}」的範圍內`, `这个屏幕不在来源“${str(p.feed)}”的范围内`, `This screen is outside feed "${str(p.feed)}"'s scope`],
  'within-dates': (p, f) => { const r = f.range(p); return [`播放期間 ${r[0]}`, `播放期间 ${r[1]}`, `Within its dates ${r[2]}`]; },
  'outside-dates': (p, f) => { const r = f.range(p); return [`不在播放期間 ${r[0]}`, `不在播放期间 ${r[1]}`, `Outside its dates ${r[2]}`]; },
  'in-season': (p, f) => [`當令：${f.season(str(p.season))}`, `当令：${f.season(str(p.season))}`, `In season: ${f.season(str(p.season))}`],
  'out-of-season': (p, f) => {
    const [want, now] = [f.list(p.seasons, f.season), f.season(str(p.season))];
    return [`只在${want}播放（現在是${now}）`, `只在${want}播放（现在是${now}）`, `Only in ${want} (now ${now})`];
  },
  'in-term': (p, f) => {
    const [t, d] = [f.term(str(p.term)), f.date(p.since)];
    return [`節氣：${t}（${d} 起）`, `节气：${t}（${d} 起）`, `Solar term: ${t} (from ${d})`];
  },
  'not-in-term': (p, f) => {
    const [want, now] = [f.list(p.terms, f.term), f.term(str(p.term))];
    return [`只在${want}節氣播放（現在是${now}）`, `只在${want}节气播放（现在是${now}）`, `Only in ${want} (now ${now})`];
  },
  festival: (p, f) => {
    const [n, d] = [f.festival(str(p.festival)), f.date(p.date)];
    return [`節日：${n}（${d}）`, `节日：${n}（${d}）`, `Festival: ${n} (${d})`];
  },
  'no-festival': (p, f) => {
    const n = f.list(p.festivals, f.festival);
    return [`不在${n}期間`, `不在${n}期间`, `Not at ${n}`];
  },
  observance: (p, f) => {
    const [n, d] = [f.observance(str(p.observance)), f.date(p.date)];
    return [`紀念日：${n}（${d}）`, `纪念日：${n}（${d}）`, `Observance: ${n} (${d})`];
  },
  'no-observance': (p, f) => {
    const n = f.list(p.observances, f.observance);
    return [`不在${n}期間`, `不在${n}期间`, `Not at ${n}`];
  },
  'on-weekday': (p, f) => { const d = f.weekday(str(p.weekday)); return [`播放日：${d}`, `播放日：${d}`, `On ${d}`]; },
  'wrong-weekday': (p, f) => {
    const [want, now] = [f.list(p.weekdays, f.weekday), f.weekday(str(p.weekday))];
    return [`只在${want}播放（今天${now}）`, `只在${want}播放（今天${now}）`, `Only on ${want} (today ${now})`];
  },
  'in-hours': (p, f) => { const r = f.list(p.ranges); return [`播放時段 ${r}`, `播放时段 ${r}`, `Within its hours ${r}`]; },
  'outside-hours': (p, f) => {
    const [r, t] = [f.list(p.ranges), str(p.time)];
    return [`不在播放時段 ${r}（現在 ${t}）`, `不在播放时段 ${r}（现在 ${t}）`, `Outside its hours ${r} (now ${t})`];
  },
  'event-upcoming': (p) => [`還有 ${str(p.days)} 天開始`, `还有 ${str(p.days)} 天开始`, `Starts in ${str(p.days)} day${p.days === 1 ? '' : 's'}`],
  'event-today': () => ['今天開始', '今天开始', 'Starts today'],
  'event-running': () => ['活動進行中', '活动进行中', 'Happening now'],
  'event-too-early': (p) => {
    const [d, l] = [str(p.days), str(p.lead)];
    return [`還有 ${d} 天開始（開始前 ${l} 天才顯示）`, `还有 ${d} 天开始（开始前 ${l} 天才显示）`, `Starts in ${d} days (shown from ${l} days before)`];
  },
  'event-ended': () => ['活動已結束', '活动已结束', 'The event is over'],
  'not-expired': (p, f) => [`有效至 ${f.date(p.at)}`, `有效至 ${f.date(p.at)}`, `Valid until ${f.date(p.at)}`],
  expired: (p, f) => [`已過期（${f.date(p.at)}）`, `已过期（${f.date(p.at)}）`, `Expired (${f.date(p.at)})`],
  always: () => ['隨時播放', '随时播放', 'Always on'],
  high: () => ['重要：每輪播放兩次', '重要：每轮播放两次', 'High priority: twice a loop'],
  emergency: () => ['緊急通知：暫停其他內容', '紧急通知：暂停其他内容', 'Emergency: replaces the loop'],
  'emergency-override': () => ['緊急通知播放中，暫停播放', '紧急通知播放中，暂停播放', 'Paused while an emergency alert is on'],
  evergreen: () => ['常備內容（目前沒有應時內容）', '常备内容（目前没有应时内容）', 'Evergreen (nothing seasonal is on)'],
  'no-calendar': () => ['曆表未涵蓋此日期，無法判斷節氣節日', '历表未涵盖此日期，无法判断节气节日', 'No calendar data for this date (terms and festivals unknown)'],
  builtin: () => ['今日資訊卡（沒有可播放的內容）', '今日资讯卡（没有可播放的内容）', 'Today card (nothing else to show)'],
};

/** One reason in plain words. */
export function describeReason(r: Reason, lang: Locale, opts: WordsOptions = {}): string {
  return WORDS[r.code](r.params, fmt(lang, opts))[LOCALE_INDEX[lang]];
}

/** Every reason in plain words, in order. */
export function describeReasons(list: readonly Reason[], lang: Locale, opts: WordsOptions = {}): string[] {
  return list.map((r) => describeReason(r, lang, opts));
}

/** Also here for callers that import it with the reasons (it lives in ./countdown.ts). */
export { describeCountdown } from './countdown.ts';
