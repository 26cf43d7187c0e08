import { describe, expect, it } from 'vitest';
import type { When } from '../../src/content/schema.ts';
import { createCalendarView } from '../../src/schedule/calendar-view.ts';
import { eligible } from '../../src/schedule/eligible.ts';
import { at, ctxIn, item, LVYUAN, testTables } from '../fixtures/schedule/world.ts';

type Row = [label: string, when: When, instant: string, ok: boolean];

const check = (rows: Row[]) => (_label: string, when: When, instant: string, ok: boolean) => {
  expect(eligible(item('x', { when }), LVYUAN, at(instant), ctxIn()).ok).toBe(ok);
};

describe('seasons (Chinese: from the instant of 立春, 立夏, 立秋, 立冬)', () => {
  const spring: When = { seasons: ['spring'] };
  const rows: Row[] = [
    ['a minute before 立春 2026-02-04 04:02', spring, '2026-02-04T04:01:00+08:00', false],
    ['at 立春', spring, '2026-02-04T04:02:00+08:00', true],
    ['a minute before 立夏 2026-05-05 19:49', spring, '2026-05-05T19:48:00+08:00', true],
    ['at 立夏', spring, '2026-05-05T19:49:00+08:00', false],
    ['autumn at 重陽', { seasons: ['autumn'] }, '2026-10-18T09:00:00+08:00', true],
    ['winter and spring listed', { seasons: ['winter', 'spring'] }, '2026-01-10T09:00:00+08:00', true],
  ];
  it.each(rows)('%s', check(rows));

  it('meteorological seasons follow whole months', () => {
    const calendar = createCalendarView(testTables(), 'Asia/Shanghai', { seasons: 'meteorological' });
    const x = item('x', { when: { seasons: ['spring'] } });
    expect(eligible(x, LVYUAN, at('2026-02-28T23:59:00+08:00'), { calendar }).ok).toBe(false);
    expect(eligible(x, LVYUAN, at('2026-03-01T00:00:00+08:00'), { calendar }).ok).toBe(true);
  });

  it('says which season it is', () => {
    const r = eligible(item('x', { when: { seasons: ['spring'] } }), LVYUAN, at('2026-10-18T09:00:00+08:00'), ctxIn());
    expect(r.reasons[0]).toEqual({ rule: 'seasons', ok: false, code: 'out-of-season', params: { season: 'autumn', seasons: ['spring'] } });
  });
});

describe('solarTerms (the term in force, from its instant to the next)', () => {
  const frost: When = { solarTerms: ['shuangjiang'] };
  const wide: When = { solarTerms: ['shuangjiang'], around: { before: 2, after: 1 } };
  const rows: Row[] = [
    ['before 霜降 2026-10-23 17:38', frost, '2026-10-23T17:37:00+08:00', false],
    ['at 霜降', frost, '2026-10-23T17:38:00+08:00', true],
    ['just before 立冬 2026-11-07 17:52', frost, '2026-11-07T17:51:00+08:00', true],
    ['at 立冬', frost, '2026-11-07T17:52:00+08:00', false],
    ['around.before 2 days: exactly 48 h early', wide, '2026-10-21T17:38:00+08:00', true],
    ['around.before 2 days: a minute more', wide, '2026-10-21T17:37:00+08:00', false],
    ['around.after 1 day: 24 h after 立冬, less a minute', wide, '2026-11-08T17:51:00+08:00', true],
    ['around.after 1 day: at 立冬 + 24 h', wide, '2026-11-08T17:52:00+08:00', false],
    ['冬至 runs across the year end', { solarTerms: ['dongzhi'] }, '2027-01-01T12:00:00+08:00', true],
    ['冬至 ends at 小寒 2027', { solarTerms: ['dongzhi'] }, '2027-01-06T12:00:00+08:00', false],
    ['a wide window reaches past the next term', { solarTerms: ['lidong'], around: { before: 20 } }, '2026-10-19T09:00:00+08:00', true],
    ['… but not further', { solarTerms: ['lidong'], around: { before: 20 } }, '2026-10-18T09:00:00+08:00', false],
  ];
  it.each(rows)('%s', check(rows));

  it('names the term and the day it began', () => {
    const r = eligible(item('x', { when: frost }), LVYUAN, at('2026-10-25T09:00:00+08:00'), ctxIn());
    expect(r.reasons[0]).toEqual({ rule: 'solarTerms', ok: true, code: 'in-term', params: { term: 'shuangjiang', since: '2026-10-23', terms: ['shuangjiang'] } });
  });
});

describe('festivals (the day, widened by around)', () => {
  const chongyang: When = { festivals: ['chongyang'], around: { before: 3, after: 1 } };
  const rows: Row[] = [
    ['重陽 2026 is 2026-10-18', { festivals: ['chongyang'] }, '2026-10-18T09:00:00+08:00', true],
    ['not the day before without around', { festivals: ['chongyang'] }, '2026-10-17T09:00:00+08:00', false],
    ['4 days before', chongyang, '2026-10-14T23:59:00+08:00', false],
    ['3 days before', chongyang, '2026-10-15T00:00:00+08:00', true],
    ['1 day after', chongyang, '2026-10-19T23:59:00+08:00', true],
    ['2 days after', chongyang, '2026-10-20T00:00:00+08:00', false],
    ['除夕 2026-02-16', { festivals: ['chuxi'] }, '2026-02-16T20:00:00+08:00', true],
    ['春節 2026-02-17', { festivals: ['chunjie'] }, '2026-02-17T08:00:00+08:00', true],
    ['冬至 as a festival', { festivals: ['dongzhi'] }, '2026-12-22T08:00:00+08:00', true],
    ['春節 window across the year end', { festivals: ['chunjie'], around: { before: 50 } }, '2025-12-30T08:00:00+08:00', true],
  ];
  it.each(rows)('%s', check(rows));

  it('names the festival and its day', () => {
    const r = eligible(item('x', { when: chongyang }), LVYUAN, at('2026-10-16T09:00:00+08:00'), ctxIn());
    expect(r.reasons[0]).toEqual({ rule: 'festivals', ok: true, code: 'festival', params: { festival: 'chongyang', date: '2026-10-18' } });
  });
});

describe('observances', () => {
  const rows: Row[] = [
    ['全國科普日 2026: third Saturday of September', { observances: ['science-day'] }, '2026-09-19T10:00:00+08:00', true],
    ['the day after', { observances: ['science-day'] }, '2026-09-20T10:00:00+08:00', false],
    ['the week after, with around.after 6', { observances: ['science-day'], around: { after: 6 } }, '2026-09-25T10:00:00+08:00', true],
    ['消防日 11/9', { observances: ['fire-safety-day'] }, '2026-11-09T10:00:00+08:00', true],
    ['a settings observance (third Saturday of May)', { observances: ['xuanwu-science-week'] }, '2026-05-16T10:00:00+08:00', true],
    ['a settings observance, another day', { observances: ['xuanwu-science-week'] }, '2026-05-17T10:00:00+08:00', false],
  ];
  it.each(rows)('%s', check(rows));
});

describe('triggers: any one of solarTerms, festivals, observances; other rules must hold too', () => {
  const both: When = { festivals: ['chongyang'], solarTerms: ['shuangjiang'] };
  const rows: Row[] = [
    ['festival matches, term does not', both, '2026-10-18T09:00:00+08:00', true],
    ['term matches, festival does not', both, '2026-10-24T09:00:00+08:00', true],
    ['neither', both, '2026-10-20T09:00:00+08:00', false],
    ['festival but wrong weekday (18 Oct 2026 is a Sunday)', { festivals: ['chongyang'], weekdays: [1] }, '2026-10-18T09:00:00+08:00', false],
    ['festival inside dates', { festivals: ['chongyang'], from: '2026-10-01', until: '2026-10-31' }, '2026-10-18T09:00:00+08:00', true],
    ['festival outside dates', { festivals: ['chongyang'], until: '2026-10-01' }, '2026-10-18T09:00:00+08:00', false],
    ['festival and season', { festivals: ['chongyang'], seasons: ['winter'] }, '2026-10-18T09:00:00+08:00', false],
  ];
  it.each(rows)('%s', check(rows));

  it('gives a reason for every trigger, passed or not', () => {
    const r = eligible(item('x', { when: both }), LVYUAN, at('2026-10-18T09:00:00+08:00'), ctxIn());
    expect(r.reasons.map((x) => [x.rule, x.ok])).toEqual([['solarTerms', false], ['festivals', true]]);
  });
});
