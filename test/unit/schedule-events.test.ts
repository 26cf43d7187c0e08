import { describe, expect, it } from 'vitest';
import type { CompiledItem } from '../../src/content/schema.ts';
import { eligible } from '../../src/schedule/eligible.ts';
import { buildPlaylist } from '../../src/schedule/playlist.ts';
import { describeCountdown } from '../../src/schedule/countdown.ts';
import { describeReasons } from '../../src/schedule/reasons.ts';
import { at, ctxIn, item, LVYUAN, SETTINGS } from '../fixtures/schedule/world.ts';

const winter = (lead?: number): CompiledItem => item('events/winter-safety-2026', {
  kind: 'event',
  title: '科普之冬保安全 主題活動',
  event: { starts: '2026-12-12T09:00:00+08:00', ends: '2026-12-12T11:30:00+08:00', place: '綠園社區活動中心', ...(lead === undefined ? {} : { lead }) },
});

describe('events: shown from `lead` days before they start until they end', () => {
  type Row = [label: string, instant: string, ok: boolean, code: string, days?: number, lead?: number];
  const rows: Row[] = [
    ['15 days before (lead 14)', '2026-11-27T23:59:00+08:00', false, 'event-too-early'],
    ['14 days before, from local midnight', '2026-11-28T00:00:00+08:00', true, 'event-upcoming', 14],
    ['3 days before, late evening', '2026-12-09T23:59:00+08:00', true, 'event-upcoming', 3],
    ['1 day before', '2026-12-11T08:00:00+08:00', true, 'event-upcoming', 1],
    ['the morning of the day', '2026-12-12T00:00:00+08:00', true, 'event-today'],
    ['a minute before it starts', '2026-12-12T08:59:00+08:00', true, 'event-today'],
    ['at the start', '2026-12-12T09:00:00+08:00', true, 'event-running'],
    ['just before the end', '2026-12-12T11:29:00+08:00', true, 'event-running'],
    ['at the end: gone', '2026-12-12T11:30:00+08:00', false, 'event-ended'],
    ['the next year: gone', '2027-01-10T11:30:00+08:00', false, 'event-ended'],
    ['lead 3 on the item: 4 days before', '2026-12-08T12:00:00+08:00', false, 'event-too-early', undefined, 3],
    ['lead 3 on the item: 3 days before', '2026-12-09T12:00:00+08:00', true, 'event-upcoming', 3, 3],
  ];
  it.each(rows)('%s', (_label, instant, ok, code, days, lead) => {
    const r = eligible(winter(lead), LVYUAN, at(instant), ctxIn());
    expect(r.ok).toBe(ok);
    expect(r.reasons[0]).toMatchObject({ rule: 'event', ok, code });
    if (days !== undefined) expect(r.reasons[0]?.params.days).toBe(days);
  });

  it('settings.eventLeadDays is the default lead', () => {
    const ctx = { ...ctxIn(), settings: { ...SETTINGS, eventLeadDays: 7 } };
    expect(eligible(winter(), LVYUAN, at('2026-12-04T12:00:00+08:00'), ctx).ok).toBe(false);
    expect(eligible(winter(), LVYUAN, at('2026-12-05T12:00:00+08:00'), ctx).ok).toBe(true);
  });

  it('without settings the lead is 14 days', () => {
    const ctx = { calendar: ctxIn().calendar };
    expect(eligible(winter(), LVYUAN, at('2026-11-27T12:00:00+08:00'), ctx).ok).toBe(false);
    expect(eligible(winter(), LVYUAN, at('2026-11-28T12:00:00+08:00'), ctx).ok).toBe(true);
  });

  it('counts local calendar days, across a DST change (New York)', () => {
    const ev = item('e', { kind: 'event', event: { starts: '2026-03-09T09:00:00-04:00', ends: '2026-03-09T10:00:00-04:00' } });
    const r = eligible(ev, LVYUAN, at('2026-03-07T23:30:00-05:00'), ctxIn('America/New_York'));
    expect(r.reasons[0]).toMatchObject({ code: 'event-upcoming', params: { days: 2 } });
  });

  it.each<[string, object, string, string, string]>([
    ['2026-12-09T12:00:00+08:00', { state: 'upcoming', days: 3 }, '還有 3 天', '还有 3 天', '3 days to go'],
    ['2026-12-12T08:00:00+08:00', { state: 'today' }, '今天', '今天', 'Today'],
    ['2026-12-12T10:00:00+08:00', { state: 'running' }, '進行中', '进行中', 'Happening now'],
  ])('puts a countdown on the slide at %s and says it in words', (instant, countdown, hant, hans, en) => {
    const p = buildPlaylist([winter()], LVYUAN, SETTINGS, at(instant), ctxIn());
    const c = p.slides[0]?.countdown;
    expect(c).toEqual(countdown);
    if (!c) throw new Error('no countdown');
    expect([describeCountdown(c, 'zh-Hant'), describeCountdown(c, 'zh-Hans'), describeCountdown(c, 'en')]).toEqual([hant, hans, en]);
  });

  it('says why in words', () => {
    const reasons = (instant: string) => eligible(winter(), LVYUAN, at(instant), ctxIn()).reasons;
    expect(describeReasons(reasons('2026-12-09T12:00:00+08:00'), 'zh-Hant')).toEqual(['還有 3 天開始']);
    expect(describeReasons(reasons('2026-12-09T12:00:00+08:00'), 'en')).toEqual(['Starts in 3 days']);
    expect(describeReasons(reasons('2026-12-13T12:00:00+08:00'), 'zh-Hant')).toEqual(['活動已結束']);
    expect(describeReasons(reasons('2026-11-01T12:00:00+08:00'), 'zh-Hant')).toEqual(['還有 41 天開始（開始前 14 天才顯示）']);
  });
});

describe('expires', () => {
  type Row = [label: string, expires: string, instant: string, ok: boolean];
  const rows: Row[] = [
    ['a day: through the end of that local day', '2026-10-25', '2026-10-25T23:59:00+08:00', true],
    ['a day: gone the next day', '2026-10-25', '2026-10-26T00:00:00+08:00', false],
    ['an instant: until then', '2026-10-25T18:00:00+08:00', '2026-10-25T18:00:00+08:00', true],
    ['an instant: gone after', '2026-10-25T18:00:00+08:00', '2026-10-25T18:01:00+08:00', false],
  ];
  it.each(rows)('%s', (_label, expires, instant, ok) => {
    const r = eligible(item('a', { kind: 'alert', expires }), LVYUAN, at(instant), ctxIn());
    expect(r.ok).toBe(ok);
    expect(r.reasons[0]).toMatchObject({ rule: 'expires', ok, code: ok ? 'not-expired' : 'expired' });
  });
});
