/** Seasons, term periods, festivals, observances, names and the day / instant facts. */
import { describe, expect, it } from 'vitest';
import type { ObservanceRule } from '../../src/content/schema.ts';
import {
  dayFacts, decodeTables, festivalName, festivalsOn, formatLunar, instantFacts, lunarDate,
  observanceName, observancesOn, seasonAt, seasonName, seasonOfTerm, termAt, termName, termsOfYear,
} from '../../src/calendar/index.ts';
import { buildTables } from '../../tools/lib/calendar-tables.ts';

const T = decodeTables(buildTables(2023, 2031));
const NY = 'America/New_York';
const at = (iso: string): number => Date.parse(iso);
const term = (year: number, key: string): number =>
  termsOfYear(year, T).find((t) => t.key === key)?.instant ?? NaN;

describe('Chinese seasons', () => {
  // 2026 (HKO, HKT): 立春 02-04 04:02, 立夏 05-05 19:49, 立秋 08-07 19:43, 立冬 11-07 17:52.
  it.each([
    ['lichun', 'winter', 'spring'], ['lixia', 'spring', 'summer'],
    ['liqiu', 'summer', 'autumn'], ['lidong', 'autumn', 'winter'],
  ])('change at the instant of %s: %s → %s', (key, before, after) => {
    const t = term(2026, key);
    expect(seasonAt(t - 1, '', T)).toBe(before);
    expect(seasonAt(t, '', T)).toBe(after);
  });

  it('lichun 2026: the day facts use the end of the day, the instant facts the instant', () => {
    expect(term(2026, 'lichun')).toBe(at('2026-02-04T04:02:00+08:00'));
    expect(dayFacts('2026-02-03', T).season).toBe('winter');
    expect(dayFacts('2026-02-04', T).season).toBe('spring');
    expect(instantFacts(at('2026-02-04T04:01:00+08:00'), 'Asia/Shanghai', T).season).toBe('winter');
    expect(instantFacts(at('2026-02-04T04:02:00+08:00'), 'Asia/Shanghai', T).season).toBe('spring');
    // In New York 立春 falls on the afternoon of 3 February.
    expect(dayFacts('2026-02-03', T, {}, NY)).toMatchObject({ season: 'spring', solarTerm: { key: 'lichun' } });
    expect(dayFacts('2026-02-02', T, {}, NY).season).toBe('winter');
  });

  it.each([
    ['xiaohan', 'winter'], ['dahan', 'winter'], ['lichun', 'spring'], ['guyu', 'spring'],
    ['lixia', 'summer'], ['dashu', 'summer'], ['liqiu', 'autumn'], ['shuangjiang', 'autumn'],
    ['lidong', 'winter'], ['dongzhi', 'winter'],
  ] as const)('%s belongs to %s', (key, season) => {
    expect(seasonOfTerm(key)).toBe(season);
  });
});

describe('meteorological seasons', () => {
  it.each([
    ['2026-01-15', 'winter'], ['2026-02-28', 'winter'], ['2026-03-01', 'spring'], ['2026-05-31', 'spring'],
    ['2026-06-01', 'summer'], ['2026-08-31', 'summer'], ['2026-09-01', 'autumn'], ['2026-11-30', 'autumn'],
    ['2026-12-01', 'winter'],
  ])('%s is %s', (date, season) => {
    expect(seasonAt(0, date, T, 'meteorological')).toBe(season);
    expect(dayFacts(date, T, { seasons: 'meteorological' }).season).toBe(season);
  });
});

describe('term periods', () => {
  it('dongzhi 2026 runs across the year end to xiaohan 2027', () => {
    const dongzhi = at('2026-12-22T04:50:00+08:00');
    const xiaohan = at('2027-01-05T22:10:00+08:00');
    const expected = { key: 'dongzhi', instant: dongzhi, next: { key: 'xiaohan', instant: xiaohan } };
    expect(termAt(dongzhi, T)).toEqual(expected);
    expect(termAt(at('2027-01-01T00:00:00+08:00'), T)).toEqual(expected);
    expect(termAt(xiaohan - 1, T)).toEqual(expected);
    expect(termAt(xiaohan, T)).toMatchObject({ key: 'xiaohan', next: { key: 'dahan' } });
    expect(termAt(dongzhi - 1, T)).toMatchObject({ key: 'daxue', next: { key: 'dongzhi', instant: dongzhi } });
  });

  it('answers on every day of the range and refuses beyond it', () => {
    const small = decodeTables(buildTables(2026, 2026));
    expect(termAt(at('2026-01-01T00:00:00+08:00'), small)).toMatchObject({ key: 'dongzhi', next: { key: 'xiaohan' } });
    expect(termAt(at('2026-12-31T23:59:00+08:00'), small)).toMatchObject({ key: 'dongzhi', next: { key: 'xiaohan' } });
    expect(() => termAt(at('2027-02-01T00:00:00Z'), small)).toThrow(RangeError);
    expect(() => termAt(at('2025-12-01T00:00:00Z'), small)).toThrow(RangeError);
  });
});

describe('festivals', () => {
  it.each([
    ['2026-02-17', ['chunjie']], ['2026-03-03', ['yuanxiao']], ['2026-03-20', ['longtaitou']],
    ['2026-06-19', ['duanwu']], ['2026-08-19', ['qixi']], ['2026-08-27', ['zhongyuan']],
    ['2026-09-25', ['zhongqiu']], ['2026-10-18', ['chongyang']], ['2026-01-26', ['laba']],
    ['2026-02-10', ['xiaonian']], ['2026-04-05', ['qingming']], ['2026-12-22', ['dongzhi']],
    ['2026-10-17', []], ['2026-12-21', []],
  ])('%s: %j', (date, expected) => {
    expect(festivalsOn(date, T)).toEqual(expected);
  });

  it('chuxi is the last day of the twelfth month, 29th or 30th', () => {
    // Lunar 2025's twelfth month has 29 days: 除夕 is 臘月廿九.
    expect(lunarDate('2026-02-16', T)).toEqual({ month: 12, day: 29, leap: false });
    expect(festivalsOn('2026-02-16', T)).toEqual(['chuxi']);
    expect(festivalsOn('2026-02-15', T)).toEqual([]);
    // Lunar 2023's has 30: 除夕 is 臘月三十, and its 29th is an ordinary day.
    expect(lunarDate('2024-02-09', T)).toEqual({ month: 12, day: 30, leap: false });
    expect(festivalsOn('2024-02-08', T)).toEqual([]);
    expect(festivalsOn('2024-02-09', T)).toEqual(['chuxi']);
  });

  it('leap months carry no festivals', () => {
    expect(festivalsOn('2023-02-21', T)).toEqual(['longtaitou']);
    expect(lunarDate('2023-03-23', T)).toEqual({ month: 2, day: 2, leap: true });
    expect(festivalsOn('2023-03-23', T)).toEqual([]);
    expect(festivalsOn('2028-05-28', T)).toEqual(['duanwu']);
    expect(lunarDate('2028-06-27', T)).toEqual({ month: 5, day: 5, leap: true });
    expect(festivalsOn('2028-06-27', T)).toEqual([]);
  });

  it('qingming and dongzhi follow the local day of their term', () => {
    // 冬至 2026 is 04:50 on 22 December in China, 15:50 on 21 December in New York.
    expect(festivalsOn('2026-12-21', T, NY)).toEqual(['dongzhi']);
    expect(festivalsOn('2026-12-22', T, NY)).toEqual([]);
  });
});

describe('observances', () => {
  it.each([
    ['2026-03-12', 'tree-planting-day'], ['2026-04-15', 'national-security-day'],
    ['2026-05-12', 'disaster-prevention-day'], ['2026-06-05', 'environment-day'],
    ['2026-11-09', 'fire-safety-day'], ['2026-12-02', 'traffic-safety-day'],
  ])('%s: %s', (date, key) => {
    expect(observancesOn(date)).toEqual([key]);
  });

  it.each([
    ['2024-09-21', true], ['2025-09-20', true], ['2026-09-19', true], ['2027-09-18', true],
    ['2026-09-12', false], ['2026-09-20', false], ['2026-09-26', false],
  ])('science-day (third Saturday of September) on %s: %s', (date, yes) => {
    expect(observancesOn(date).includes('science-day')).toBe(yes);
  });

  const extra: ObservanceRule[] = [
    { key: 'elderly-health-day', name: { 'zh-Hant': '長者健康日', en: 'Elders’ Health Day' }, date: '10-09' },
    { key: 'flu-jab-day', name: '流感疫苗接種日', month: 11, weekday: 5, nth: -1 },
    { key: 'first-monday', name: '月初講座', month: 3, weekday: 1, nth: 1 },
    { key: 'science-day', name: { 'zh-Hant': '本區科普日' }, date: '09-17' },
  ];

  it('adds and overrides the settings’ rules', () => {
    expect(observancesOn('2026-10-09', extra)).toEqual(['elderly-health-day']);
    expect(observancesOn('2026-11-27', extra)).toEqual(['flu-jab-day']); // last Friday
    expect(observancesOn('2026-11-20', extra)).toEqual([]);
    expect(observancesOn('2026-03-02', extra)).toEqual(['first-monday']);
    expect(observancesOn('2026-03-09', extra)).toEqual([]);
    expect(observancesOn('2026-09-17', extra)).toEqual(['science-day']);
    expect(observancesOn('2026-09-19', extra)).toEqual([]);
    expect(observanceName('elderly-health-day', 'en', extra)).toBe('Elders’ Health Day');
    expect(observanceName('elderly-health-day', 'zh-Hans', extra)).toBe('長者健康日');
    expect(observanceName('science-day', 'zh-Hant', extra)).toBe('本區科普日');
    expect(observanceName('science-day', 'zh-Hant')).toBe('全國科普日');
    expect(observanceName('unknown-day', 'en')).toBe('unknown-day');
    expect(dayFacts('2026-10-09', T, { observances: extra }).observances).toEqual(['elderly-health-day']);
  });
});

describe('names', () => {
  it.each([
    [{ month: 9, day: 9, leap: false }, '九月初九', '九月初九', 'Lunar 9/9'],
    [{ month: 6, day: 1, leap: true }, '閏六月初一', '闰六月初一', 'Lunar leap 6/1'],
    [{ month: 1, day: 15, leap: false }, '正月十五', '正月十五', 'Lunar 1/15'],
    [{ month: 12, day: 30, leap: false }, '臘月三十', '腊月三十', 'Lunar 12/30'],
    [{ month: 11, day: 20, leap: false }, '十一月二十', '十一月二十', 'Lunar 11/20'],
    [{ month: 10, day: 21, leap: false }, '十月廿一', '十月廿一', 'Lunar 10/21'],
    [{ month: 2, day: 10, leap: false }, '二月初十', '二月初十', 'Lunar 2/10'],
  ])('%j → %s / %s / %s', (lunar, hant, hans, en) => {
    expect(formatLunar(lunar, 'zh-Hant')).toBe(hant);
    expect(formatLunar(lunar, 'zh-Hans')).toBe(hans);
    expect(formatLunar(lunar, 'en')).toBe(en);
  });

  it('names terms, festivals, observances and seasons', () => {
    expect(termName('jingzhe', 'zh-Hant')).toBe('驚蟄');
    expect(termName('jingzhe', 'zh-Hans')).toBe('惊蛰');
    expect(termName('qingming', 'en')).toBe('Pure Brightness');
    expect(termName('dongzhi', 'en')).toBe('Winter Solstice');
    expect(festivalName('chongyang', 'zh-Hant')).toBe('重陽節');
    expect(festivalName('chongyang', 'zh-Hans')).toBe('重阳节');
    expect(festivalName('chuxi', 'en')).toBe("Lunar New Year's Eve");
    expect(observanceName('fire-safety-day', 'zh-Hans')).toBe('全国消防日');
    expect(seasonName('autumn', 'zh-Hant')).toBe('秋季');
    expect(seasonName('winter', 'en')).toBe('Winter');
  });
});

describe('day and instant facts', () => {
  it('2026-10-18 is 重陽', () => {
    expect(dayFacts('2026-10-18', T)).toEqual({
      date: '2026-10-18', lunar: { month: 9, day: 9, leap: false },
      festivals: ['chongyang'], observances: [], season: 'autumn',
    });
  });

  it('2026-10-23 has 霜降 at 17:38 China time', () => {
    expect(dayFacts('2026-10-23', T).solarTerm).toEqual({ key: 'shuangjiang', instant: at('2026-10-23T17:38:00+08:00') });
    expect(dayFacts('2026-10-22', T).solarTerm).toBeUndefined();
  });

  it('an instant: weekday, time and the term in force', () => {
    const f = instantFacts(at('2026-10-18T09:00:00+08:00'), 'Asia/Shanghai', T, {});
    expect(f).toMatchObject({
      date: '2026-10-18', weekday: 7, time: '09:00', season: 'autumn', festivals: ['chongyang'],
      currentTerm: { key: 'hanlu', instant: at('2026-10-08T14:29:00+08:00'), next: { key: 'shuangjiang' } },
    });
    // The same instant is still 17 October in New York.
    expect(instantFacts(at('2026-10-18T09:00:00+08:00'), NY, T)).toMatchObject({
      date: '2026-10-17', weekday: 6, time: '21:00', festivals: [],
    });
  });
});
