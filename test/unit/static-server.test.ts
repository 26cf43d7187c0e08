import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byteRange, cacheControl, type RunningServer, serveStatic } from '../../tools/lib/static-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'sw-static-'));
let server: RunningServer;
beforeAll(async () => {
  mkdirSync(join(dir, 'dist/content/items'), { recursive: true });
  mkdirSync(join(dir, 'dist-secret'));
  writeFileSync(join(dir, 'dist/index.html'), '<p>kiosk</p>');
  writeFileSync(join(dir, 'dist/content/manifest.json'), '{}');
  writeFileSync(join(dir, 'dist-secret/key.txt'), 'SECRET');
  writeFileSync(join(dir, 'dist.html'), 'outside');
  server = await serveStatic(join(dir, 'dist'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, server.url), { headers });

describe('static server', () => {
  it('answers Range with 206 and the bytes asked (a film download goes on where it broke), 416 past the end', async () => {
    const r = await get('/content/manifest.json', { Range: 'bytes=1-' });
    expect([r.status, r.headers.get('content-range'), await r.text()]).toEqual([206, 'bytes 1-1/2', '}']);
    expect((await get('/content/manifest.json', { Range: 'bytes=5-' })).status).toBe(416);
    expect((await get('/content/manifest.json')).headers.get('accept-ranges')).toBe('bytes');
  });

  it.each([
    ['bytes=0-', 10, [0, 9]], ['bytes=2-4', 10, [2, 4]], ['bytes=8-20', 10, [8, 9]], ['bytes=10-', 10, 'bad'],
    ['bytes=5-3', 10, 'bad'], ['bytes=-3', 10, undefined], [undefined, 10, undefined], ['items=0-1', 10, undefined],
  ] as const)('byteRange(%s) of %i bytes is %j', (h, size, expected) => expect(byteRange(h, size)).toEqual(expected));

  it('serves files with an ETag, and a 304 for the same bytes', async () => {
    const r = await get('/content/manifest.json');
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-cache');
    const etag = r.headers.get('etag')!;
    const again = await get('/content/manifest.json', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it.each(['/..%2Fdist-secret%2Fkey.txt', '/..%2Fdist', '/%2e%2e/dist-secret/key.txt', '/content/..%5C..%5Cdist.html'])('never serves outside its folder: %s', async (path) => {
    const r = await get(path);
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain('SECRET');
  });

  it('marks content-addressed files immutable, and nothing else', () => {
    expect(cacheControl(`/content/items/${'a'.repeat(64)}.json`)).toBe('public, max-age=31536000, immutable');
    expect(cacheControl(`/content/pages/${'b'.repeat(64)}.json`)).toBe('public, max-age=31536000, immutable');
    expect(cacheControl('/content/manifest.json')).toBe('no-cache');
    expect(cacheControl('/sw.js')).toBe('no-cache');
  });
});
