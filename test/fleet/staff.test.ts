/**
 * Staff login and the dashboard's data on both databases: nothing of the dashboard without a
 * session, CSRF refused (no Origin, another origin, no token), sessions in HttpOnly SameSite
 * cookies, and the screens' states, availability, plays and CSV from what screens sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleetApp } from '../../tools/fleet/app.ts';
import type { Db } from '../../tools/fleet/db.ts';
import { migrate } from '../../tools/fleet/migrations.ts';
import { addUser } from '../../tools/fleet/sessions.ts';
import { screenToken } from '../../tools/fleet/tokens.ts';
import { BACKENDS } from './backends.ts';
import { beat, period, play, SECRET, site } from './fixtures.ts';

const ORIGIN = 'http://fleet.test';
const PASSWORD = 'correct horse battery';
// 2026-12-01 06:30 in Asia/Shanghai (a Tuesday)
const OPEN = Date.parse('2026-11-30T22:30:00Z');

const cookieOf = (res: Response, name: string) =>
  res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1);

describe.each(BACKENDS)('staff and dashboard on $name', (backend) => {
  let db: Db;
  let t = OPEN;
  let fleet: ReturnType<typeof fleetApp>;
  const req = (path: string, init: RequestInit = {}) => fleet.request(`${ORIGIN}${path}`, init);

  async function login(name = 'staff', password = PASSWORD, headers: Record<string, string> = { origin: ORIGIN }) {
    const page = await req('/fleet/login');
    const csrf = cookieOf(page, 'fleet_login')!;
    const body = new URLSearchParams({ csrf, name, password });
    return req('/fleet/login', { method: 'POST', body, headers: { ...headers, cookie: `fleet_login=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' } });
  }

  async function session(): Promise<{ cookie: string; csrf: string }> {
    const r = await login();
    const cookie = `fleet_session=${cookieOf(r, 'fleet_session')}`;
    const me = await (await req('/fleet/api/me', { headers: { cookie } })).json();
    return { cookie, csrf: me.csrf };
  }

  beforeAll(async () => {
    if (backend.skip) return;
    db = await backend.open();
    await migrate(db);
    await addUser(db, 'staff', PASSWORD);
    const published = site();
    fleet = fleetApp({ db, secret: SECRET, now: () => t, published: () => published, perMinute: 1000, burst: 1000, trustProxy: true, script: async () => 'customElements;' });
  });
  afterAll(async () => db?.close());

  it.skipIf(backend.skip)('shows nothing of the dashboard without a session', async () => {
    for (const path of ['/fleet/', '/fleet/dashboard.js', '/fleet/anything']) {
      const r = await req(path);
      expect(r.status, path).toBe(303);
      expect(r.headers.get('location')).toBe('/fleet/login');
    }
    for (const path of ['/fleet/api/me', '/fleet/api/screens', '/fleet/api/availability?from=2026-12-01&to=2026-12-01', '/fleet/api/plays.csv?from=2026-12-01&to=2026-12-01', '/fleet/api/availability.csv?from=2026-12-01&to=2026-12-01']) {
      const r = await req(path);
      expect(r.status, path).toBe(401);
    }
    expect((await req('/fleet/api/screens', { headers: { cookie: 'fleet_session=made-up' } })).status).toBe(401);
  });

  it.skipIf(backend.skip)('logs in with the right password only, into an HttpOnly SameSite=Strict cookie', async () => {
    const wrong = await login('staff', 'not the password');
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get('location')).toBe('/fleet/login?failed');
    expect(cookieOf(wrong, 'fleet_session')).toBeUndefined();
    expect((await login('nobody', PASSWORD)).headers.get('location')).toBe('/fleet/login?failed');
    const ok = await login();
    expect(ok.headers.get('location')).toBe('/fleet/');
    const set = ok.headers.getSetCookie().find((c) => c.startsWith('fleet_session='))!;
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).toMatch(/Path=\/fleet/);
    const cookie = `fleet_session=${cookieOf(ok, 'fleet_session')}`;
    const page = await req('/fleet/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<fleet-dashboard>');
  });

  it.skipIf(backend.skip)('refuses a login POST from another site, without Origin, or without the form token', async () => {
    expect((await login('staff', PASSWORD, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await login('staff', PASSWORD, {})).status).toBe(403);
    expect((await login('staff', PASSWORD, { origin: ORIGIN, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const body = new URLSearchParams({ csrf: 'guess', name: 'staff', password: PASSWORD });
    const r = await req('/fleet/login', { method: 'POST', body, headers: { origin: ORIGIN, cookie: 'fleet_login=other' } });
    expect(r.status).toBe(403);
  });

  it.skipIf(backend.skip)('refuses a logout without the session CSRF token or from another origin; closes the session with it', async () => {
    const { cookie, csrf } = await session();
    expect((await req('/fleet/logout', { method: 'POST', headers: { cookie, origin: ORIGIN } })).status).toBe(403);
    expect((await req('/fleet/logout', { method: 'POST', headers: { cookie, origin: 'https://evil.example', 'x-csrf-token': csrf } })).status).toBe(403);
    expect((await req('/fleet/api/me', { headers: { cookie } })).status).toBe(200);
    expect((await req('/fleet/logout', { method: 'POST', headers: { cookie, origin: ORIGIN, 'x-csrf-token': csrf } })).status).toBe(200);
    expect((await req('/fleet/api/me', { headers: { cookie } })).status).toBe(401);
  });

  it.skipIf(backend.skip)('limits logins per address (429)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login('staff', 'wrong', { origin: ORIGIN, 'x-forwarded-for': '203.0.113.9' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 303)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it.skipIf(backend.skip)('reports states, availability, plays and a CSV from what the screens sent', async () => {
    // lvyuan-gate (06:30–22:00) beats every 5 minutes from 06:30 to 14:15: half its day.
    const token = screenToken(SECRET, 'lvyuan-gate');
    for (let k = 0; k <= 92; k++) {
      t = OPEN + k * 300_000;
      const r = await req('/api/v1/heartbeat', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(beat('lvyuan-gate')) });
      expect(r.status).toBe(200);
    }
    const records = [
      play('lvyuan-gate', '2026-12-01T01:00:00Z'), play('lvyuan-gate', '2026-12-01T01:00:12Z', { completed: false, endedBy: 'alert', seconds: 5 }),
      play('lvyuan-gate', '2026-12-01T01:00:17Z', { item: 'safety/fire', kind: 'safety' }), period('lvyuan-gate', '2026-12-01T01:00:29Z', 'card', 31),
    ];
    await req('/api/v1/records', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ screen: 'lvyuan-gate', records }) });
    const { cookie } = await session();
    const get = async (path: string) => (await req(path, { headers: { cookie } })).json();

    const states = await get('/fleet/api/screens');
    expect(states.screens.map((s: { id: string; state: string }) => [s.id, s.state])).toEqual([['qingxi-corridor', 'never'], ['lvyuan-gate', 'online']]);
    t += 11 * 60_000; // two beats and a minute later, still within hours: silent, first
    const later = await get('/fleet/api/screens');
    expect(later.screens[0]).toMatchObject({ id: 'lvyuan-gate', state: 'silent', current: true });
    t = Date.parse('2026-12-01T15:00:00Z'); // 23:00 local: outside its hours
    expect((await get('/fleet/api/screens')).screens.find((s: { id: string }) => s.id === 'lvyuan-gate').state).toBe('off');

    const avail = await get('/fleet/api/availability?from=2026-12-01&to=2026-12-02');
    const cell = (screen: string, day: string) => avail.cells.find((c: { screen: string; day: string }) => c.screen === screen && c.day === day);
    expect(cell('lvyuan-gate', '2026-12-01')).toEqual({ screen: 'lvyuan-gate', day: '2026-12-01', reported: 465, expected: 930 });
    expect(cell('lvyuan-gate', '2026-12-02')).toMatchObject({ reported: 0, expected: 0 }); // not yet
    expect(cell('qingxi-corridor', '2026-12-01')).toMatchObject({ reported: 0, expected: 600 });

    const byItem = await get('/fleet/api/plays?from=2026-12-01&to=2026-12-01&by=item');
    expect(byItem.rows).toEqual([
      { day: '', screen: '', item: '', kind: 'card', plays: 1, completed: 0, seconds: 31 },
      { day: '', screen: '', item: 'health/winter/dongzhi', kind: 'health', plays: 2, completed: 1, seconds: 17 },
      { day: '', screen: '', item: 'safety/fire', kind: 'safety', plays: 1, completed: 1, seconds: 12 },
    ]);
    expect((await req('/fleet/api/plays?from=2026-12-01&to=2026-12-01&by=password', { headers: { cookie } })).status).toBe(400);
    expect((await req('/fleet/api/plays?from=2026-12-01&to=2025-12-01&by=item', { headers: { cookie } })).status).toBe(400);

    const csv = await req('/fleet/api/plays.csv?from=2026-12-01&to=2026-12-01', { headers: { cookie } });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines[0]).toBe('date,screen,item,title,kind,plays,completed,seconds');
    expect(lines).toContain('2026-12-01,lvyuan-gate,health/winter/dongzhi,,health,2,1,17');

    // Availability in numbers: one row per day and screen, the same cells as the table.
    const ac = await req('/fleet/api/availability.csv?from=2026-12-01&to=2026-12-02&lang=en', { headers: { cookie } });
    expect(ac.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(ac.headers.get('content-disposition')).toBe('attachment; filename="availability-2026-12-01-2026-12-02.csv"');
    const abytes = new Uint8Array(await ac.arrayBuffer());
    expect([...abytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(abytes.slice(3)).trimEnd().split('\r\n')).toEqual([
      'date,screen,name,minutes_on,minutes_reported,availability_percent',
      '2026-12-01,lvyuan-gate,綠園社區 東門櫥窗,930,465,50', '2026-12-02,lvyuan-gate,綠園社區 東門櫥窗,0,0,',
      '2026-12-01,qingxi-corridor,清溪 走廊,600,0,0', '2026-12-02,qingxi-corridor,清溪 走廊,0,0,',
    ]);
    expect((await req('/fleet/api/availability.csv?from=2026-12-01&to=2026-11-01', { headers: { cookie } })).status).toBe(400);
  });
});
