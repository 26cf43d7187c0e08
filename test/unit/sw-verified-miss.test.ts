import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifiedMiss } from '../../src/sw/verified-miss.ts';

const BYTES = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
const HASH = createHash('sha256').update(BYTES).digest('hex');
const ask = (path: string, range?: string) => new Request(`https://screen.test/${path}`, range ? { headers: { Range: range } } : {});

/** A network that answers every URL with `body` (status `status`), recording what was asked. */
function network(body: Uint8Array<ArrayBuffer> | null, status = 200) {
  const asked: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    asked.push({ url, init });
    return new Response(body, { status, headers: { 'Content-Type': 'image/svg+xml' } });
  };
  return { fetch, asked };
}

describe('verifiedMiss (a content file the cache lacks)', () => {
  it('answers a small file whose bytes are the ones its name hashes', async () => {
    const net = network(BYTES);
    const res = await verifiedMiss(ask(`content/assets/${HASH}.svg`), net.fetch, crypto.subtle);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(BYTES);
    expect(res.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(net.asked).toEqual([{ url: `https://screen.test/content/assets/${HASH}.svg`, init: { credentials: 'omit', cache: 'no-store' } }]);
  });

  it.each([
    ['changed bytes', network(new TextEncoder().encode('<svg onload="x()"/>')), 502],
    ['truncated bytes', network(BYTES.slice(0, 10)), 502],
    ['a 404', network(null, 404), 502],
    ['a 500', network(null, 500), 502],
    ['no network', { fetch: () => Promise.reject(new TypeError('Failed to fetch')) }, 503],
  ] as const)('never answers %s: %i, and no body', async (_, net, status) => {
    const res = await verifiedMiss(ask(`feeds/lvyuan/assets/${HASH}.svg`), net.fetch, crypto.subtle);
    expect(res.status).toBe(status);
    expect(await res.text()).toBe('');
  });

  it.each(['mp4', 'webm'])('never streams a .%s film it cannot check first: 503, the network not asked', async (ext) => {
    const net = network(BYTES);
    const res = await verifiedMiss(ask(`content/assets/${HASH}.${ext}`, 'bytes=0-'), net.fetch, crypto.subtle);
    expect(res.status).toBe(503);
    expect(net.asked).toEqual([]);
  });

  it('fetches the whole file for a range, so that it can be checked', async () => {
    const net = network(BYTES);
    const res = await verifiedMiss(ask(`content/items/${HASH}.svg`, 'bytes=5-'), net.fetch, crypto.subtle);
    expect(res.status).toBe(200);
    expect(net.asked[0]!.init).not.toHaveProperty('headers');
  });
});
