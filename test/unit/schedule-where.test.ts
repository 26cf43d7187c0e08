import { describe, expect, it } from 'vitest';
import type { Screen } from '../../src/content/schema.ts';
import { eligible } from '../../src/schedule/eligible.ts';
import { describeReasons, wordsFor } from '../../src/schedule/reasons.ts';
import { at, ctxIn, item, LOBBY, LVYUAN } from '../fixtures/schedule/world.ts';

const NOON = at('2026-10-18T12:00:00+08:00');

describe('where', () => {
  type Row = [label: string, where: string[] | undefined, screen: Screen, ok: boolean, code: string];
  const rows: Row[] = [
    ['absent: every screen', undefined, LOBBY, true, 'always'],
    ['a street reaches a community screen under it', ['yingshijie'], LVYUAN, true, 'where-place'],
    ['a street reaches its own office', ['yingshijie'], LOBBY, true, 'where-place'],
    ['a district reaches everything', ['xuanwu'], LVYUAN, true, 'where-place'],
    ['a community does not reach the street office', ['lvyuan'], LOBBY, false, 'where-elsewhere'],
    ['another community', ['qingxi'], LVYUAN, false, 'where-elsewhere'],
    ['a tag on the screen', ['tag:elderly'], LVYUAN, true, 'where-tag'],
    ['a tag not on the screen', ['tag:elderly'], LOBBY, false, 'where-elsewhere'],
    ['a place segment is not a tag', ['elderly'], LVYUAN, false, 'where-elsewhere'],
    ['any one of several', ['qingxi', 'tag:lobby'], LOBBY, true, 'where-tag'],
  ];
  it.each(rows)('%s', (_label, where, screen, ok, code) => {
    const r = eligible(item('x', { where }), screen, NOON, ctxIn());
    expect(r.ok).toBe(ok);
    expect(r.reasons[0]?.code).toBe(code);
  });

  it('one item asked about several screens in turn answers for each (the answer is kept per screen)', () => {
    const x = item('x', { where: ['lvyuan'] });
    const ctx = ctxIn();
    for (let i = 0; i < 3; i++) {
      expect(eligible(x, LVYUAN, NOON + i * 60_000, ctx).ok).toBe(true);
      expect(eligible(x, LOBBY, NOON + i * 60_000, ctx).ok).toBe(false);
    }
    expect(eligible(x, { ...LOBBY, place: [...LOBBY.place, 'lvyuan'] }, NOON, ctx).ok).toBe(true);
  });

  it('names the place in words, with the screen names when known', () => {
    const r = eligible(item('x', { where: ['lvyuan'] }), LOBBY, NOON, ctxIn());
    expect(describeReasons(r.reasons, 'zh-Hant', wordsFor(LVYUAN))).toEqual(['僅限綠園社區']);
    expect(describeReasons(r.reasons, 'zh-Hans', wordsFor(LVYUAN))).toEqual(['仅限绿园社区']);
    expect(describeReasons(r.reasons, 'en', wordsFor(LVYUAN))).toEqual(['Only for 綠園社區']);
    expect(describeReasons(r.reasons, 'en', wordsFor(LOBBY))).toEqual(['Only for lvyuan']);
  });
});

describe('status', () => {
  it('a draft is never on a screen', () => {
    const r = eligible(item('x', { status: 'draft' }), LVYUAN, NOON, ctxIn());
    expect(r).toEqual({ ok: false, reasons: [{ rule: 'status', ok: false, code: 'draft', params: {} }] });
    expect(describeReasons(r.reasons, 'zh-Hant')).toEqual(['草稿（只在預覽顯示）']);
    expect(describeReasons(r.reasons, 'en')).toEqual(['Draft (preview only)']);
  });

  it('a draft passes in preview, still marked', () => {
    const r = eligible(item('x', { status: 'draft' }), LVYUAN, NOON, ctxIn(undefined, { preview: true }));
    expect(r.ok).toBe(true);
    expect(r.reasons[0]?.code).toBe('draft');
  });

  it('published is the default and needs no reason', () => {
    const r = eligible(item('x', { status: 'published' }), LVYUAN, NOON, ctxIn());
    expect(r.reasons.map((x) => x.code)).toEqual(['always']);
  });
});
