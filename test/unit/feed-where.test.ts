import { describe, expect, it } from 'vitest';
import type { FeedDelegation, Screen, Settings } from '../../src/content/schema.ts';
import { buildPlaylist } from '../../src/schedule/playlist.ts';
import { at, ctxIn, item, LVYUAN, SETTINGS } from '../fixtures/schedule/world.ts';

const T = at('2026-10-18T09:00:00+08:00');
const FEEDS: FeedDelegation[] = [
  { id: 'xuanwu', url: '../feeds/xuanwu/', scope: { places: [['xuanwu']], priorities: ['normal'] } },
  { id: 'lvyuan', url: '../feeds/lvyuan/', scope: { places: [['xuanwu', 'yingshijie', 'lvyuan']], priorities: ['normal'] } },
];
const settings: Settings = { ...SETTINGS, feeds: FEEDS };
const QINGXI: Screen = { id: 'qingxi-corridor', name: '走廊', place: ['xuanwu', 'yingshijie', 'qingxi'], tags: ['elderly'] };
const ITEMS = [
  item('health/water'),
  item('xuanwu:science/flu'),
  item('lvyuan:notices/class', { kind: 'notice' }),
  item('lvyuan:notices/elderly', { kind: 'notice', where: ['tag:elderly'] }),
];

function run(screen: Screen) {
  const p = buildPlaylist(ITEMS, screen, settings, T, ctxIn());
  return {
    on: [...new Set(p.slides.map((s) => s.id))].sort(),
    out: Object.fromEntries(p.excluded.map((e) => [e.id, e.reasons.map((r) => r.code)])),
  };
}

describe('a feed\'s items on a screen', () => {
  it.each([
    ['its community\'s screen: the root, the district and the community', LVYUAN,
      ['health/water', 'lvyuan:notices/class', 'lvyuan:notices/elderly', 'xuanwu:science/flu'], {}],
    ['another community\'s screen: never the community\'s, even by a tag it shares', QINGXI,
      ['health/water', 'xuanwu:science/flu'], { 'lvyuan:notices/class': ['feed-elsewhere'], 'lvyuan:notices/elderly': ['feed-elsewhere'] }],
    ['a screen whose profile names the district only', { ...LVYUAN, feeds: ['xuanwu'] },
      ['health/water', 'xuanwu:science/flu'], { 'lvyuan:notices/class': ['feed-not-named'], 'lvyuan:notices/elderly': ['feed-not-named'] }],
  ])('%s', (_name, screen, on, out) => {
    expect(run(screen)).toEqual({ on, out });
  });

  it('an item of a feed the settings do not delegate plays nowhere', () => {
    const p = buildPlaylist([item('health/water'), item('gulou:x')], LVYUAN, settings, T, ctxIn());
    expect(p.excluded).toEqual([{ id: 'gulou:x', reasons: [expect.objectContaining({ code: 'feed-elsewhere' })] }]);
  });
});
