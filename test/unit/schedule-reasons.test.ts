import { describe, expect, it } from 'vitest';
import { LOCALES, SOLAR_TERMS } from '../../src/content/keys.ts';
import { REASON_CODES, reason, type ParamValue, type Reason, type ReasonCode, type RuleName } from '../../src/schedule/reason.ts';
import { describeReason, wordsFor } from '../../src/schedule/reasons.ts';
import { TERM_TIPS, termTip } from '../../tools/lib/term-tips.ts';
import { LVYUAN, SETTINGS } from '../fixtures/schedule/world.ts';

const r = (rule: RuleName, ok: boolean, code: ReasonCode, params: Record<string, ParamValue> = {}): Reason => reason(rule, ok, code, params);
const words = wordsFor(LVYUAN, SETTINGS);

describe('reasons in plain words', () => {
  type Row = [reason: Reason, zhHant: string, zhHans: string, en: string];
  const rows: Row[] = [
    [r('dates', false, 'outside-dates', { from: '2026-10-15', until: '2026-10-25' }), '不在播放期間 10/15–10/25', '不在播放期间 10/15–10/25', 'Outside its dates 10/15–10/25'],
    [r('dates', true, 'within-dates', { from: '2026-10-15 09:00' }), '播放期間 10/15 09:00 起', '播放期间 10/15 09:00 起', 'Within its dates from 10/15 09:00'],
    [r('where', false, 'where-elsewhere', { where: ['lvyuan'] }), '僅限綠園社區', '仅限绿园社区', 'Only for 綠園社區'],
    [r('where', false, 'where-elsewhere', { where: ['qingxi', 'tag:lobby'] }), '僅限青溪社區、標籤「lobby」', '仅限青溪社区、标签“lobby”', 'Only for 青溪社區, tag "lobby"'],
    [r('where', true, 'where-place', { place: 'lvyuan' }), '適用於綠園社區', '适用于绿园社区', 'For 綠園社區'],
    [r('status', false, 'draft'), '草稿（只在預覽顯示）', '草稿（只在预览显示）', 'Draft (preview only)'],
    [r('event', false, 'event-ended'), '活動已結束', '活动已结束', 'The event is over'],
    [r('event', true, 'event-upcoming', { days: 3 }), '還有 3 天開始', '还有 3 天开始', 'Starts in 3 days'],
    [r('event', true, 'event-upcoming', { days: 1 }), '還有 1 天開始', '还有 1 天开始', 'Starts in 1 day'],
    [r('festivals', true, 'festival', { festival: 'chongyang', date: '2026-10-18' }), '節日：重陽節（10/18）', '节日：重阳节（10/18）', 'Festival: Double Ninth Festival (10/18)'],
    [r('solarTerms', false, 'not-in-term', { term: 'hanlu', terms: ['shuangjiang'] }), '只在霜降節氣播放（現在是寒露）', '只在霜降节气播放（现在是寒露）', 'Only in Frost Descent (now Cold Dew)'],
    [r('observances', true, 'observance', { observance: 'xuanwu-science-week', date: '2026-05-16' }), '紀念日：玄武區科技週（5/16）', '纪念日：玄武区科技周（5/16）', 'Observance: 玄武區科技週 (5/16)'],
    [r('weekdays', false, 'wrong-weekday', { weekday: 7, weekdays: [2, 4] }), '只在星期二、星期四播放（今天星期日）', '只在星期二、星期四播放（今天星期日）', 'Only on Tue, Thu (today Sun)'],
    [r('hours', false, 'outside-hours', { time: '13:05', ranges: ['08:00–12:00'] }), '不在播放時段 08:00–12:00（現在 13:05）', '不在播放时段 08:00–12:00（现在 13:05）', 'Outside its hours 08:00–12:00 (now 13:05)'],
    [r('expires', false, 'expired', { at: '2026-10-25 18:00' }), '已過期（10/25 18:00）', '已过期（10/25 18:00）', 'Expired (10/25 18:00)'],
  ];
  it.each(rows)('%j', (reasonRow, hant, hans, en) => {
    expect(describeReason(reasonRow, 'zh-Hant', words)).toBe(hant);
    expect(describeReason(reasonRow, 'zh-Hans', words)).toBe(hans);
    expect(describeReason(reasonRow, 'en', words)).toBe(en);
  });

  it('has words for every code in every language', () => {
    for (const code of REASON_CODES) {
      for (const lang of LOCALES) {
        const text = describeReason(r('always', true, code, {}), lang);
        expect(text.length, `${code} ${lang}`).toBeGreaterThan(1);
        expect(text, `${code} ${lang}`).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });
});

describe('term tips', () => {
  it('has a health line for each of the 24 terms in each language', () => {
    expect(Object.keys(TERM_TIPS).sort()).toEqual([...SOLAR_TERMS].sort());
    for (const t of SOLAR_TERMS) for (const l of LOCALES) expect(termTip(t, l).length).toBeGreaterThan(5);
    expect(termTip('shuangjiang', 'zh-Hant')).toContain('霜降');
  });
});
