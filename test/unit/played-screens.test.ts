import { describe, expect, it } from 'vitest';
import type { FeedDelegation, Screen } from '../../src/content/schema.ts';
import { feedRefusal } from '../../src/content/scope.ts';
import { noted, played, SCREEN_MEMORY_MS, wantedFeed } from '../../src/sync/played-screens.ts';

const NOW = Date.parse('2026-11-18T09:00:00+08:00');
const H = 3_600_000;
const GATE: Screen = { id: 'gate', name: '東門', place: ['xuanwu', 'yingshijie', 'lvyuan'] };
const CORRIDOR: Screen = { id: 'corridor', name: '走廊', place: ['xuanwu', 'yingshijie', 'qingxi'] };
const LOBBY: Screen = { id: 'lobby', name: '大廳', place: ['xuanwu', 'yingshijie'], feeds: ['xuanwu'] };
const feed = (id: string, places: string[][]): FeedDelegation => ({ id, url: `../feeds/${id}/`, scope: { places, priorities: ['normal'] } });
const XUANWU = feed('xuanwu', [['xuanwu']]);
const LVYUAN = feed('lvyuan', [['xuanwu', 'yingshijie', 'lvyuan']]);
const QINGXI = feed('qingxi', [['xuanwu', 'yingshijie', 'qingxi']]);
const ALL = [XUANWU, LVYUAN, QINGXI];

describe('the screens a box plays, and the feeds it syncs for them', () => {
  it.each([
    ['no screen known yet (a first start): every feed', [], ['xuanwu', 'lvyuan', 'qingxi']],
    ['the gate: the district and its community', ['gate'], ['xuanwu', 'lvyuan']],
    ['the corridor: the district and its community', ['corridor'], ['xuanwu', 'qingxi']],
    ['a lobby whose profile names the district only', ['lobby'], ['xuanwu']],
    ['two screens in one box: the union', ['gate', 'corridor'], ['xuanwu', 'lvyuan', 'qingxi']],
    ['an id the root does not list any more: as no screen known', ['gone'], ['xuanwu', 'lvyuan', 'qingxi']],
  ])('%s', (_, ids, synced) => {
    const wanted = wantedFeed([GATE, CORRIDOR, LOBBY], new Set(ids));
    expect(ALL.filter(wanted).map((f) => f.id)).toEqual(synced);
  });

  it('feedRefusal (the where rule asks it too): inside the scope, and named when the screen names feeds', () => {
    expect(feedRefusal(GATE, LVYUAN)).toBeUndefined();
    expect(feedRefusal(GATE, QINGXI)).toBe('feed-elsewhere');
    expect(feedRefusal(GATE, undefined)).toBe('feed-elsewhere');
    expect(feedRefusal(LOBBY, XUANWU)).toBeUndefined();
    expect(feedRefusal({ ...GATE, feeds: ['xuanwu'] }, LVYUAN)).toBe('feed-not-named');
  });

  it('remembers a screen for a week after it was last asked for', () => {
    expect([...played({ gate: NOW - SCREEN_MEMORY_MS + 1, corridor: NOW - SCREEN_MEMORY_MS }, NOW)]).toEqual(['gate']);
    expect(played(undefined, NOW).size).toBe(0);
  });

  it.each([
    ['a new screen is written', {}, 'gate', { gate: NOW }],
    ['asked for again within the hour: nothing to write', { gate: NOW - H + 1 }, 'gate', undefined],
    ['asked for again after an hour: written', { gate: NOW - H }, 'gate', { gate: NOW }],
    ['a clock set back: written', { gate: NOW + H }, 'gate', { gate: NOW }],
    ['a screen forgotten on the way', { old: NOW - SCREEN_MEMORY_MS, corridor: NOW - 2 * H }, 'gate', { corridor: NOW - 2 * H, gate: NOW }],
  ])('noted: %s', (_, before, id, after) => {
    expect(noted(before, id, NOW)).toEqual(after);
  });
});
