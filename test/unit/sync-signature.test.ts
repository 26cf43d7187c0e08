import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateSigningKeys } from '../../tools/lib/sign.ts';
import { buildSet, item } from '../fixtures/sync/content-set.ts';
import { expectActiveComplete, resetIndexedDB, screen } from '../fixtures/sync/harness.ts';

beforeEach(resetIndexedDB);

type Keys = Awaited<ReturnType<typeof generateSigningKeys>>;
let a: Keys;
let b: Keys;
let stranger: Keys;
beforeAll(async () => {
  [a, b, stranger] = await Promise.all([generateSigningKeys(), generateSigningKeys(), generateSigningKeys()]);
});

const ITEMS = { notice: { kind: 'notice', title: '停水通知' }, tip: item('秋燥') };

describe('signed manifests', () => {
  it('accepts a manifest signed by the configured key', async () => {
    const s = await screen({ publicKeys: [a.publicJwk] });
    const set = await buildSet({ items: ITEMS, signWith: a.privateJwk });
    expect(set.manifest.signature?.key).toBe(a.kid);
    s.server.publish(set);
    expect(await s.sync()).toMatchObject({ ok: true, activeVersion: set.manifest.version });
    await expectActiveComplete(s);
  });

  it.each([
    ['unsigned', 'unsigned', () => buildSet({ items: ITEMS })],
    ['signed by an unknown key', 'bad-signature', () => buildSet({ items: ITEMS, signWith: stranger.privateJwk })],
    ['tampered after signing', 'bad-signature', () => buildSet({
      items: ITEMS, signWith: a.privateJwk, tamper: (m) => { m.settings = { syncInterval: 10 }; },
    })],
    ['with a garbled signature value', 'bad-signature', () => buildSet({
      items: ITEMS, signWith: a.privateJwk, tamper: (m) => { m.signature = { key: a.kid, value: 'AAAA' }; },
    })],
    ['with a signature that is not base64url', 'bad-signature', () => buildSet({
      items: ITEMS, signWith: a.privateJwk, tamper: (m) => { m.signature = { key: a.kid, value: '***' }; },
    })],
  ] as const)('refuses a manifest %s; the active set stays and the status says why', async (_n, code, make) => {
    const s = await screen({ publicKeys: [a.publicJwk] });
    const good = await buildSet({ items: { tip: item('秋燥') }, signWith: a.privateJwk });
    s.server.publish(good);
    await s.sync();
    s.server.publish(await make());
    s.server.log = [];
    expect(await s.sync()).toMatchObject({ ok: false, error: { code } });
    expect(s.server.log.map((l) => l.path)).toEqual(['manifest.json']); // nothing downloaded
    expect(await expectActiveComplete(s)).toBe(good.manifest.version);
    expect((await s.store.state()).lastError?.code).toBe(code);
  });

  it('accepts either of two keys while keys rotate, and re-signing alone moves no file', async () => {
    const s = await screen({ publicKeys: [a.publicJwk, b.publicJwk] });
    const byA = await buildSet({ items: ITEMS, signWith: a.privateJwk });
    s.server.publish(byA);
    expect(await s.sync()).toMatchObject({ ok: true, changed: true });
    const byB = await buildSet({ items: ITEMS, signWith: b.privateJwk });
    expect(byB.manifest.version).toBe(byA.manifest.version);
    s.server.publish(byB);
    s.server.log = [];
    expect(await s.sync()).toMatchObject({ ok: true, changed: false });
    expect(s.server.log).toEqual([{ path: 'manifest.json', status: 200, bytes: expect.any(Number) }]);
    s.server.log = [];
    expect(await s.sync()).toMatchObject({ ok: true, changed: false }); // its ETag is remembered
    expect(s.server.log.map((l) => l.status)).toEqual([304]);
  });

  it('without configured keys, signed and unsigned manifests are both accepted', async () => {
    const s = await screen();
    s.server.publish(await buildSet({ items: ITEMS, signWith: a.privateJwk }));
    expect(await s.sync()).toMatchObject({ ok: true });
    s.server.publish(await buildSet({ items: { tip: item('秋燥') } }));
    expect(await s.sync()).toMatchObject({ ok: true, changed: true });
  });

  it('refuses a validly signed manifest older than the one playing (a replay); a newer build goes through', async () => {
    const s = await screen({ publicKeys: [a.publicJwk] });
    const older = await buildSet({ items: ITEMS, signWith: a.privateJwk, generated: '2026-10-01T00:00:00.000Z' });
    const newer = await buildSet({ items: { ...ITEMS, water: item('多喝水') }, signWith: a.privateJwk, generated: '2026-10-02T00:00:00.000Z' });
    s.server.publish(older);
    expect(await s.sync()).toMatchObject({ ok: true, activeVersion: older.manifest.version });
    s.server.publish(newer);
    expect(await s.sync()).toMatchObject({ ok: true, activeVersion: newer.manifest.version });
    // The old manifest, still validly signed, served again.
    s.server.publish(older);
    const r = await s.sync();
    expect(r).toMatchObject({ ok: false, activeVersion: newer.manifest.version });
    expect(!r.ok && r.error.code).toBe('replayed');
    expect(await expectActiveComplete(s)).toBe(newer.manifest.version);
    // A rollback is a new build: the old content with a new time is taken.
    const rollback = await buildSet({ items: ITEMS, signWith: a.privateJwk, generated: '2026-10-03T00:00:00.000Z' });
    s.server.publish(rollback);
    expect(await s.sync()).toMatchObject({ ok: true, activeVersion: rollback.manifest.version });
  });

  it('an app without public keys refuses an older manifest too (a stale mirror); a rebuild goes through', async () => {
    const s = await screen();
    const newer = await buildSet({ items: ITEMS, generated: '2026-10-02T00:00:00.000Z' });
    const older = await buildSet({ items: { ...ITEMS, water: item('多喝水') }, generated: '2026-10-01T00:00:00.000Z' });
    s.server.publish(newer);
    await s.sync();
    s.server.publish(older);
    const r = await s.sync();
    expect(!r.ok && r.error.code).toBe('replayed');
    expect(await expectActiveComplete(s)).toBe(newer.manifest.version);
    const rebuilt = await buildSet({ items: { ...ITEMS, water: item('多喝水') }, generated: '2026-10-03T00:00:00.000Z' });
    s.server.publish(rebuilt);
    expect(await s.sync()).toMatchObject({ ok: true, activeVersion: rebuilt.manifest.version });
  });

  it.each([
    ['unsigned', false],
    ['signed', true],
  ])('a mirror flapping between two versions moves the %s screen once, forward, never back', async (_name, signed) => {
    const s = await screen(signed ? { publicKeys: [a.publicJwk] } : {});
    const sign = signed ? { signWith: a.privateJwk } : {};
    const v1 = await buildSet({ items: ITEMS, generated: '2026-10-01T00:00:00.000Z', ...sign });
    const v2 = await buildSet({ items: { ...ITEMS, water: item('多喝水') }, generated: '2026-10-02T00:00:00.000Z', ...sign });
    const active: (string | undefined)[] = [];
    for (const set of [v1, v2, v1, v2, v1, v2]) {
      s.server.publish(set);
      active.push((await s.sync()).activeVersion);
    }
    const v = (x: typeof v1) => x.manifest.version;
    expect(active).toEqual([v(v1), v(v2), v(v2), v(v2), v(v2), v(v2)]);
    expect(await expectActiveComplete(s)).toBe(v(v2));
  });
});
