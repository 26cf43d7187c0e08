import { describe, expect, it } from 'vitest';
import { CONTENT_CACHE, createAssetCache } from '../../src/sync/store/asset-cache.ts';
import { MemoryCacheStorage } from '../fixtures/sync/fake-cache-storage.ts';

const URL1 = 'https://screen.test/content/assets/' + 'a'.repeat(64) + '.svg';

describe('asset cache (Cache Storage)', () => {
  it('stores verified bytes under the content-addressed URL, in the cache the worker reads', async () => {
    const storage = new MemoryCacheStorage();
    const assets = createAssetCache(storage);
    const bytes = new TextEncoder().encode('<svg/>');
    await assets.put(URL1, bytes, 'image/svg+xml');
    expect(await storage.keys()).toEqual([CONTENT_CACHE]);
    expect(CONTENT_CACHE).toBe('science-window-content');
    expect(await assets.urls()).toEqual(new Set([URL1]));
    expect(await assets.get(URL1)).toEqual(bytes);
    const res = await (await storage.open(CONTENT_CACHE)).match(URL1);
    expect(res?.headers.get('Content-Type')).toBe('image/svg+xml');
    await assets.delete(URL1);
    expect(await assets.get(URL1)).toBeUndefined();
  });

  it('honours an aborted signal', async () => {
    const assets = createAssetCache(new MemoryCacheStorage());
    const ctl = new AbortController();
    ctl.abort();
    await expect(assets.put(URL1, new Uint8Array(1), 'image/png', ctl.signal)).rejects.toThrow();
    expect(await assets.urls()).toEqual(new Set());
  });
});
