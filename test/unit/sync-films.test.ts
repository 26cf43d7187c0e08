/**
 * Films in sync: streamed, hashed as they arrive (hash-wasm), resumable with Range, stored in
 * the content cache only when whole and verified, and not started when the set cannot fit.
 */
import 'fake-indexeddb/auto';
import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { rangeStart, streamSha256 } from '../../src/sync/fetch-large.ts';
import { checkRoom } from '../../src/sync/room.ts';
import { SyncError } from '../../src/sync/sync-error.ts';
import { buildSet, item } from '../fixtures/sync/content-set.ts';
import { BASE, expectActiveComplete, resetIndexedDB, screen } from '../fixtures/sync/harness.ts';

beforeEach(resetIndexedDB);

const FILM = 'assets/drill.webm';
const filmBytes = (n: number) => new Uint8Array(randomBytes(n));

async function filmSet(bytes: Uint8Array<ArrayBuffer>, title = '短片', generated?: string) {
  return buildSet({ items: { 'safety/drill': item(title, { kind: 'safety', video: FILM }) }, films: { [FILM]: bytes }, generated });
}
const filmUrl = (set: Awaited<ReturnType<typeof filmSet>>) => set.manifest.assets.find((a) => a.path === FILM)!.url;
const partKeys = async (s: Awaited<ReturnType<typeof screen>>) => [...(s.partStorage.caches.values())].flatMap((c) => [...c.entries.keys()]);

describe('a film in a content set', () => {
  it('is downloaded once, verified and cached under its content-addressed URL; no parts are left', async () => {
    const s = await screen();
    const bytes = filmBytes(3_000_000);
    const set = await filmSet(bytes);
    s.server.publish(set);
    expect(await s.sync()).toMatchObject({ ok: true, changed: true });
    await expectActiveComplete(s);
    expect(s.assets.map.get(new URL(filmUrl(set), BASE).href)?.type).toBe('video/webm');
    expect(s.server.log.filter((l) => l.path === filmUrl(set))).toEqual([{ path: filmUrl(set), status: 200, bytes: 3_000_000 }]);
    expect(await partKeys(s)).toEqual([]);
  });

  it('goes on with a Range request after the connection broke, hashing on from the saved state', async () => {
    const s = await screen();
    const set = await filmSet(filmBytes(2_000_001));
    s.server.publish(set);
    s.server.faults.set(filmUrl(set), 'reset');
    expect(await s.sync()).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(await partKeys(s)).toHaveLength(1); // the half that arrived
    s.server.faults.clear();
    s.server.log = [];
    expect(await s.sync()).toMatchObject({ ok: true, changed: true });
    expect(s.server.log.filter((l) => l.path === filmUrl(set))).toEqual([{ path: filmUrl(set), status: 206, bytes: 2_000_001 - 1_000_000 }]);
    await expectActiveComplete(s);
    expect(await partKeys(s)).toEqual([]);
  });

  it('starts again when the host ignores Range (a 200 with the whole file)', async () => {
    const s = await screen();
    const set = await filmSet(filmBytes(500_000));
    s.server.publish(set);
    s.server.faults.set(filmUrl(set), 'reset');
    await s.sync();
    s.server.faults.clear();
    s.server.ignoreRange = true;
    expect(await s.sync()).toMatchObject({ ok: true, changed: true });
    await expectActiveComplete(s);
  });

  it.each(['truncate', 'corrupt'] as const)('a film %s on the server never commits; the previous set plays on', async (fault) => {
    const s = await screen();
    const first = await buildSet({ items: { 'health/a': item('甲') } });
    s.server.publish(first);
    expect(await s.sync()).toMatchObject({ ok: true });
    const set = await filmSet(filmBytes(400_000), '短片', '2026-10-02T00:00:00.000Z');
    s.server.publish(set);
    s.server.faults.set(filmUrl(set), fault);
    for (let i = 0; i < 3; i++) expect(await s.sync()).toMatchObject({ ok: false, error: { code: 'hash-mismatch' } });
    expect(await expectActiveComplete(s)).toBe(first.manifest.version);
    expect(s.assets.map.has(new URL(filmUrl(set), BASE).href)).toBe(false);
    expect(await partKeys(s)).toEqual([]);
  });

  it('a film changed on the server half-way through a resumed download is refused, parts dropped', async () => {
    const s = await screen();
    const set = await filmSet(filmBytes(600_000));
    s.server.publish(set);
    s.server.faults.set(filmUrl(set), 'reset');
    await s.sync();
    s.server.faults.clear();
    const file = s.server.files.get(filmUrl(set))!;
    s.server.files.set(filmUrl(set), { ...file, bytes: file.bytes.map((b) => b ^ 1) });
    expect(await s.sync()).toMatchObject({ ok: false, error: { code: 'hash-mismatch' } });
    expect(await partKeys(s)).toEqual([]);
    expect(await expectActiveComplete(s)).toBeUndefined();
  });

  it('a full disk while a part is saved is a quota error (the long pause), not the network; it goes on once there is room', async () => {
    const s = await screen();
    const set = await filmSet(filmBytes(600_000));
    s.server.publish(set);
    const cache = await s.partStorage.open('science-window-parts');
    const put = cache.put.bind(cache);
    cache.put = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    expect(await s.sync()).toMatchObject({ ok: false, error: { code: 'quota' } });
    cache.put = put;
    expect(await s.sync()).toMatchObject({ ok: true, changed: true });
    await expectActiveComplete(s);
  });

  it('a set that cannot fit is not started: no-room, no film request, the active set stays', async () => {
    let free = 1_000_000;
    const s = await screen({ estimate: async () => ({ quota: 10_000_000, usage: 10_000_000 - free }) });
    const first = await buildSet({ items: { 'health/a': item('甲') } });
    s.server.publish(first);
    expect(await s.sync()).toMatchObject({ ok: true });
    const set = await filmSet(filmBytes(800_000), '短片', '2026-10-02T00:00:00.000Z'); // needs 2 × 0.8 MB for a moment
    s.server.publish(set);
    s.server.log = [];
    const r = await s.sync();
    expect(r).toMatchObject({ ok: false, error: { code: 'no-room', detail: expect.stringMatching(/^needs 1\.5 MB, 1\.0 MB free$/) } });
    expect(s.server.log.some((l) => l.path === filmUrl(set))).toBe(false);
    expect(await expectActiveComplete(s)).toBe(first.manifest.version);
    free = 5_000_000;
    expect(await s.sync()).toMatchObject({ ok: true, changed: true });
  });
});

describe('the parts', () => {
  it('sha256 over a stream equals the one-shot sha256, for any sizes of chunks', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 5000 }), { maxLength: 12 }), async (chunks) => {
      const body = new ReadableStream<Uint8Array>({ start(c) { chunks.forEach((x) => c.enqueue(x)); c.close(); } });
      const whole = createHash('sha256');
      chunks.forEach((x) => whole.update(x));
      expect(await streamSha256(body)).toEqual({ hash: whole.digest('hex'), bytes: chunks.reduce((n, x) => n + x.length, 0) });
    }), { numRuns: 50 });
  });

  it.each([['bytes 100-199/200', 100], ['bytes 0-9/*', 0], ['bytes */200', NaN], [null, NaN], ['items 1-2/3', NaN]] as const)(
    'Content-Range %s starts at %s', (h, n) => expect(rangeStart(h)).toBe(n));

  it('checkRoom: an estimate that fails or says nothing lets the set go', async () => {
    await expect(checkRoom(10, async () => { throw new Error('no'); })).resolves.toBeUndefined();
    await expect(checkRoom(10, async () => ({}))).resolves.toBeUndefined();
    await expect(checkRoom(10, undefined)).resolves.toBeUndefined();
    await expect(checkRoom(11, async () => ({ quota: 20, usage: 10 }))).rejects.toEqual(new SyncError('no-room', 'needs 0.0 MB, 0.0 MB free'));
  });
});
