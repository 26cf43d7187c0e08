/**
 * The screens' API on both databases: every refusal (401, 403, 413, 400 with the path, 429
 * with Retry-After), idempotent ingest, and beats that make a screen online, silent or off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleetApp } from '../../tools/fleet/app.ts';
import type { Db } from '../../tools/fleet/db.ts';
import { migrate } from '../../tools/fleet/migrations.ts';
import { screenToken } from '../../tools/fleet/tokens.ts';
import { BACKENDS } from './backends.ts';
import { beat, period, play, SECRET, site } from './fixtures.ts';

const T0 = Date.parse('2026-12-01T02:00:00Z'); // 10:00 in Asia/Shanghai, a Tuesday

describe.each(BACKENDS)('screen API on $name', (backend) => {
  let db: Db;
  let t = T0;
  const published = site();
  const app = () => fleetApp({ db, secret: SECRET, now: () => t, published: () => published, burst: 5, perMinute: 6, maxBodyBytes: 64 * 1024, script: async () => '' });
  let fleet: ReturnType<typeof fleetApp>;

  beforeAll(async () => {
    if (backend.skip) return;
    db = await backend.open();
    await migrate(db);
    fleet = app();
  });
  afterAll(async () => db?.close());

  const post = (path: string, body: unknown, token?: string, raw?: string) =>
    fleet.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: raw ?? JSON.stringify(body),
    });

  it.skipIf(backend.skip)('refuses a request without a token (401) or with a forged one (401)', async () => {
    const batch = { screen: 'lvyuan-gate', records: [play('lvyuan-gate', '2026-12-01T01:00:00Z')] };
    const none = await post('/api/v1/records', batch);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await none.json()).toEqual({ error: 'no-token' });
    const forged = await post('/api/v1/records', batch, `lvyuan-gate.${'A'.repeat(43)}`);
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ error: 'bad-token' });
    const otherSecret = await post('/api/v1/records', batch, screenToken('another-secret-0123456789', 'lvyuan-gate'));
    expect(otherSecret.status).toBe(401);
  });

  it.skipIf(backend.skip)('lets a kiosk on another origin post (CORS, no cookies), and only to the screens\' API', async () => {
    const preflight = await fleet.request('/api/v1/records', {
      method: 'OPTIONS',
      headers: { origin: 'https://kiosk.example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const beatAnswer = await fleet.request('/api/v1/heartbeat', {
      method: 'POST',
      headers: { origin: 'https://kiosk.example.org', 'content-type': 'application/json', authorization: `Bearer ${screenToken(SECRET, 'lvyuan-gate')}` },
      body: JSON.stringify(beat('lvyuan-gate')),
    });
    expect(beatAnswer.status).toBe(200);
    expect(beatAnswer.headers.get('access-control-allow-origin')).toBe('*');
    expect(beatAnswer.headers.get('access-control-expose-headers')).toContain('Date');
    const staff = await fleet.request('/fleet/login', { headers: { origin: 'https://kiosk.example.org' } });
    expect(staff.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.skipIf(backend.skip)("refuses another screen's token (403), for the batch or any record in it", async () => {
    const token = screenToken(SECRET, 'qingxi-corridor');
    const batch = { screen: 'lvyuan-gate', records: [play('lvyuan-gate', '2026-12-01T01:00:00Z')] };
    expect((await post('/api/v1/records', batch, token)).status).toBe(403);
    const mixed = { screen: 'qingxi-corridor', records: [play('qingxi-corridor', '2026-12-01T01:00:00Z'), play('lvyuan-gate', '2026-12-01T01:00:12Z')] };
    const r = await post('/api/v1/records', mixed, token);
    expect(r.status).toBe(403);
    expect(await r.json()).toEqual({ error: 'other-screen' });
    expect((await post('/api/v1/heartbeat', beat('lvyuan-gate'), token)).status).toBe(403);
  });

  it.skipIf(backend.skip)('refuses a body over the limit (413) and a malformed one (400, with where)', async () => {
    t += 3_600_000; // a fresh bucket
    const token = screenToken(SECRET, 'big-screen');
    const big = { screen: 'big-screen', records: Array.from({ length: 400 }, (_, i) => play('big-screen', new Date(T0 + i * 12_000).toISOString())) };
    const tooBig = await post('/api/v1/records', big, token);
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toEqual({ error: 'body-too-large' });

    const notJson = await post('/api/v1/records', null, token, '{"screen": ');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: 'malformed', issues: [{ path: '(body)', message: 'not-json' }] });

    const badInstant = { screen: 'big-screen', records: [play('big-screen', 'yesterday')] };
    const r = await post('/api/v1/records', badInstant, token);
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ error: 'malformed', issues: [{ path: 'records.0.started', message: 'bad-instant' }] });

    const tooMany = { screen: 'big-screen', records: Array.from({ length: 501 }, (_, i) => period('big-screen', new Date(T0 + i * 60_000).toISOString(), 'card', 60)) };
    const r2 = await fleetApp({ db, secret: SECRET, now: () => t, script: async () => '' }).request('/api/v1/records', {
      method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(tooMany),
    });
    expect(r2.status).toBe(400);
    expect(await r2.json()).toEqual({ error: 'malformed', issues: [{ path: 'records', message: 'batch-too-long' }] });
  });

  it.skipIf(backend.skip)('limits each screen alone (429 with Retry-After), and lets it in again later', async () => {
    t += 3_600_000;
    const a = screenToken(SECRET, 'rate-a');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await post('/api/v1/heartbeat', beat('rate-a'), a)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await post('/api/v1/heartbeat', beat('rate-a'), a);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // another screen is not held up by this one
    expect((await post('/api/v1/heartbeat', beat('rate-b'), screenToken(SECRET, 'rate-b'))).status).toBe(200);
    t += Number(limited.headers.get('retry-after')) * 1000;
    expect((await post('/api/v1/heartbeat', beat('rate-a'), a)).status).toBe(200);
  });

  it.skipIf(backend.skip)('stores a batch once: the same batch again adds nothing and is acknowledged whole', async () => {
    t += 3_600_000;
    const token = screenToken(SECRET, 'lvyuan-gate');
    const records = Array.from({ length: 50 }, (_, i) => play('lvyuan-gate', new Date(T0 - 3_600_000 + i * 12_000).toISOString()));
    const batch = { screen: 'lvyuan-gate', records };
    const first = await post('/api/v1/records', batch, token);
    expect(first.status).toBe(200);
    const a = await first.json();
    expect(a).toMatchObject({ added: 50, duplicates: 0 });
    expect(new Set(a.accepted)).toEqual(new Set(records.map((r) => r.id)));
    const again = await (await post('/api/v1/records', batch, token)).json();
    expect(again).toMatchObject({ added: 0, duplicates: 50 });
    expect(new Set(again.accepted)).toEqual(new Set(records.map((r) => r.id)));
    // half old, half new
    const more = [...records.slice(25), ...Array.from({ length: 25 }, (_, i) => play('lvyuan-gate', new Date(T0 + i * 12_000).toISOString()))];
    expect(await (await post('/api/v1/records', { screen: 'lvyuan-gate', records: more }, token)).json()).toMatchObject({ added: 25, duplicates: 25 });
    const [row] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM plays WHERE screen = 'lvyuan-gate'");
    expect(Number(row!.n)).toBe(75);
  });

  it.skipIf(backend.skip)('answers a beat with the server time and a Date header', async () => {
    t += 3_600_000;
    const r = await post('/api/v1/heartbeat', beat('qingxi-corridor'), screenToken(SECRET, 'qingxi-corridor'));
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ serverTime: new Date(t).toISOString() });
    expect(r.headers.get('date')).toBe(new Date(t).toUTCString());
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
