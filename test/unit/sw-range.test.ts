import { describe, expect, it } from 'vitest';

// Workbox reads `self` (the worker's global) when it loads.
if (!('self' in globalThis)) Object.assign(globalThis, { self: globalThis });
const { withRange } = await import('../../src/sw/media-range.ts');

const BYTES = new Uint8Array(1000).map((_, i) => i % 251);
const cached = () => new Response(BYTES, { headers: { 'Content-Type': 'video/webm', 'Content-Length': '1000' } });
const ask = (range?: string) => new Request('https://screen.test/content/assets/x.webm', range ? { headers: { Range: range } } : {});

describe('withRange (the worker answering media requests from the content cache)', () => {
  it.each([
    ['bytes=0-', 0, 999],
    ['bytes=100-199', 100, 199],
    ['bytes=900-', 900, 999],
    ['bytes=-10', 990, 999],
  ])('%s → 206 with bytes %i–%i', async (range, from, to) => {
    const res = await withRange(ask(range), cached());
    expect(res.status).toBe(206);
    expect(res.headers.get('Content-Range')).toBe(`bytes ${from}-${to}/1000`);
    expect(res.headers.get('Content-Type')).toBe('video/webm');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(BYTES.slice(from, to + 1));
  });

  it('answers a request without Range with the whole file (200)', async () => {
    const res = await withRange(ask(), cached());
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(1000);
  });

  it('answers a range past the end with 416', async () => {
    expect((await withRange(ask('bytes=2000-'), cached())).status).toBe(416);
  });
});
