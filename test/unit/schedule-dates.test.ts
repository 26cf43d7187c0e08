import { describe, expect, it } from 'vitest';
import type { When } from '../../src/content/schema.ts';
import { eligible } from '../../src/schedule/eligible.ts';
import { at, ctxIn, item, LVYUAN } from '../fixtures/schedule/world.ts';

type Row = [label: string, when: When, instant: string, ok: boolean, zone?: string];

const OCT = { from: '2026-10-15', until: '2026-10-25' };
const YEAR_END = { from: '2026-12-20', until: '2027-01-05' };
const EXACT = { from: '2026-10-15T09:00:00+08:00', until: '2026-10-15T18:00:00+08:00' };

const rows: Row[] = [
  ['day before from', OCT, '2026-10-14T23:59:59+08:00', false],
  ['from is inclusive (local midnight)', OCT, '2026-10-15T00:00:00+08:00', true],
  ['local day, not UTC day', OCT, '2026-10-14T16:00:00Z', true],
  ['until is inclusive (end of day)', OCT, '2026-10-25T23:59:59+08:00', true],
  ['day after until', OCT, '2026-10-26T00:00:00+08:00', false],
  ['year-end window, before', YEAR_END, '2026-12-19T12:00:00+08:00', false],
  ['year-end window, 31 Dec', YEAR_END, '2026-12-31T23:00:00+08:00', true],
  ['year-end window, 1 Jan', YEAR_END, '2027-01-01T08:00:00+08:00', true],
  ['year-end window, last day', YEAR_END, '2027-01-05T20:00:00+08:00', true],
  ['year-end window, after', YEAR_END, '2027-01-06T00:00:00+08:00', false],
  ['instant bound, a minute early', EXACT, '2026-10-15T08:59:00+08:00', false],
  ['instant bound, from', EXACT, '2026-10-15T09:00:00+08:00', true],
  ['instant bound, until inclusive', EXACT, '2026-10-15T18:00:00+08:00', true],
  ['instant bound, after', EXACT, '2026-10-15T18:01:00+08:00', false],
  ['only from, before', { from: '2026-10-15' }, '2026-10-01T12:00:00+08:00', false],
  ['only from, long after', { from: '2026-10-15' }, '2027-06-01T12:00:00+08:00', true],
  ['only until, after', { until: '2026-10-15' }, '2026-10-16T00:00:00+08:00', false],
  ['New York: local day starts at local midnight', { from: '2026-03-08' }, '2026-03-08T00:30:00-05:00', true, 'America/New_York'],
  ['New York: 23:30 the day before', { from: '2026-03-08' }, '2026-03-08T04:30:00Z', false, 'America/New_York'],
  ['New York: until the end of the DST day', { until: '2026-03-08' }, '2026-03-08T23:59:00-04:00', true, 'America/New_York'],
  ['New York: next day (EDT)', { until: '2026-03-08' }, '2026-03-09T00:00:00-04:00', false, 'America/New_York'],
];

describe('when.from / when.until', () => {
  it.each(rows)('%s', (_label, when, instant, ok, zone) => {
    const r = eligible(item('x', { when }), LVYUAN, at(instant), ctxIn(zone));
    expect(r.ok).toBe(ok);
    expect(r.reasons).toEqual([expect.objectContaining({ rule: 'dates', ok, code: ok ? 'within-dates' : 'outside-dates' })]);
  });

  it('gives the window as local dates', () => {
    const r = eligible(item('x', { when: OCT }), LVYUAN, at('2026-11-01T12:00:00+08:00'), ctxIn());
    expect(r.reasons[0]?.params).toEqual({ from: '2026-10-15', until: '2026-10-25' });
  });

  it('gives instant bounds as local date and time', () => {
    const r = eligible(item('x', { when: EXACT }), LVYUAN, at('2026-11-01T12:00:00+08:00'), ctxIn());
    expect(r.reasons[0]?.params).toEqual({ from: '2026-10-15 09:00', until: '2026-10-15 18:00' });
  });
});
