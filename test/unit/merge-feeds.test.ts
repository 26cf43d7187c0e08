import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/content/manifest.ts';
import type { CompiledItem, Settings } from '../../src/content/schema.ts';
import type { ContentSet } from '../../src/frame/content-set.ts';
import { mergeFeeds } from '../../src/frame/merge-feeds.ts';
import { LVYUAN, SETTINGS } from '../fixtures/schedule/world.ts';

const settings: Settings = {
  ...SETTINGS,
  feeds: [{ id: 'lvyuan', url: '../feeds/lvyuan/', scope: { places: [['xuanwu', 'yingshijie', 'lvyuan']], priorities: ['normal'] } }],
};

/** A set whose every asset path resolves to "<host>/<path>". */
function set(host: string, items: CompiledItem[], paths: string[], s: Settings = settings): ContentSet {
  const manifest = {
    version: host, generated: '2026-11-01T00:00:00Z', settings: s, screens: [LVYUAN],
    items: items.map((i) => ({ id: i.id, kind: i.kind, hash: i.id, url: `items/${i.id}.json`, bytes: 1 })),
    assets: paths.map((p) => ({ path: p, hash: p, url: `assets/${p}`, bytes: 1, type: 'image/png' })),
  } as unknown as Manifest;
  return { manifest, items, tables: {} as ContentSet['tables'], assetUrl: (p) => (paths.includes(p) ? `https://${host}/${p}` : undefined) };
}

const FILMED: CompiledItem = {
  id: 'notices/drill', kind: 'notice', title: '演練', image: 'assets/a.png', video: 'assets/drill.webm',
  poster: 'assets/drill.png', qr: 'qr/x.svg', film: { seconds: 8, type: 'video/webm; codecs="vp9, opus"', width: 640, height: 360 },
} as CompiledItem;

describe('mergeFeeds', () => {
  it('reads every file a feed\'s item names (picture, QR code, film, poster) in that feed\'s set, never the root\'s', () => {
    const paths = ['assets/a.png', 'assets/drill.webm', 'assets/drill.png', 'qr/x.svg'];
    // The root holds files at the same paths: a feed's item must never show them.
    const merged = mergeFeeds(set('root.test', [], paths), [{ id: 'lvyuan', set: set('lvyuan.test', [FILMED], paths) }]);
    const played = merged.items.find((i) => i.id === 'lvyuan:notices/drill')!;
    for (const key of ['image', 'qr', 'video', 'poster'] as const) {
      expect(played[key], key).toBe(`lvyuan:${FILMED[key]}`);
      expect(merged.assetUrl(played[key]!), key).toBe(`https://lvyuan.test/${FILMED[key]}`);
    }
    expect(played.film).toEqual(FILMED.film);
  });

  it('leaves the root\'s own items and their files as they are', () => {
    const root = { ...FILMED, id: 'safety/drill' };
    const merged = mergeFeeds(set('root.test', [root], ['assets/drill.webm']), [{ id: 'lvyuan', set: set('lvyuan.test', [], []) }]);
    expect(merged.items[0]).toEqual(root);
    expect(merged.assetUrl('assets/drill.webm')).toBe('https://root.test/assets/drill.webm');
  });
});
