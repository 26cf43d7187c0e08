/**
 * The dashboard behind the login: its page and script, the JSON it reads, and its CSV exports
 * (./export-routes.ts). Query parameters are checked (local dates, at most 400 days, a known
 * grouping) before any SQL.
 */
import { Hono } from 'hono';
import type { Db } from './db.ts';
import type { Published } from './published.ts';
import { exportRoutes } from './export-routes.ts';
import { dateRange } from './query-params.ts';
import { availabilityReport, GROUPS, plays, seenScreens, type Group } from './reports.ts';
import { screenRows } from './screen-status.ts';
import { BASE, requireStaff, type StaffEnv } from './staff-auth.ts';
import { localDate } from '../../src/calendar/zone.ts';

export interface DashboardOptions {
  db: Db;
  now: () => number;
  published: () => Published;
  script: () => Promise<string>;
}

const SHELL = `<!doctype html>
<html lang="zh-Hant">
<head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
<title>科普之窗 屏幕管理</title><script type="module" src="${BASE}/dashboard.js"></script></head>
<body><fleet-dashboard></fleet-dashboard></body></html>`;

export function dashboardRoutes(options: DashboardOptions): Hono<StaffEnv> {
  const { db, now, published } = options;
  const app = new Hono<StaffEnv>();
  app.use(`${BASE}/*`, requireStaff(db, now));
  app.get(`${BASE}`, (c) => c.redirect(`${BASE}/`, 301));
  app.get(`${BASE}/`, (c) => c.html(SHELL));
  app.get(`${BASE}/dashboard.js`, async (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(await options.script());
  });
  app.get(`${BASE}/api/me`, (c) => c.json({ name: c.get('session').name, csrf: c.get('session').csrf }));

  app.get(`${BASE}/api/screens`, async (c) => {
    const p = published();
    const t = now();
    return c.json({
      now: new Date(t).toISOString(), today: localDate(t, p.timeZone), timeZone: p.timeZone,
      beatSeconds: p.beatSeconds, latestVersion: p.version, screens: screenRows(p, await seenScreens(db), t),
    });
  });

  app.get(`${BASE}/api/availability`, async (c) => {
    const range = dateRange(c.req.query('from'), c.req.query('to'));
    if (!range) return c.json({ error: 'bad-range' }, 400);
    return c.json({ from: range[0], to: range[1], ...(await availabilityReport(db, published(), now(), ...range)) });
  });

  app.get(`${BASE}/api/plays`, async (c) => {
    const range = dateRange(c.req.query('from'), c.req.query('to'));
    const by = c.req.query('by') ?? 'item';
    if (!range || !(GROUPS as readonly string[]).includes(by)) return c.json({ error: 'bad-query' }, 400);
    const p = published();
    const rows = await plays(db, p.timeZone, ...range, by as Group);
    const titles = Object.fromEntries([...new Set(rows.map((r) => r.item))].flatMap((id) => {
      const title = p.items.get(id)?.title;
      return title ? [[id, title]] : [];
    }));
    const names = Object.fromEntries(p.screens.map((s) => [s.id, s.name]));
    return c.json({ from: range[0], to: range[1], by, rows, titles, names });
  });

  app.route('/', exportRoutes({ db, now, published }));
  return app;
}
