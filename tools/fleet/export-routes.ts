/**
 * The dashboard's CSV exports (UTF-8 with BOM, src/content/csv.ts), behind the login like the
 * rest of /fleet/: proof of play (PLAY_COLUMNS, the preview's planned-day export has the same)
 * and availability (AVAILABILITY_COLUMNS: one row per screen and day). Titles and screen names
 * in `lang` (default zh-Hant); keys (item ids, kinds) as they are, for formulas and pivots.
 */
import { Hono } from 'hono';
import { localText } from '../../src/calendar/local-text.ts';
import { AVAILABILITY_COLUMNS, PLAY_COLUMNS, toCsv } from '../../src/content/csv.ts';
import type { Db } from './db.ts';
import type { Published } from './published.ts';
import { dateRange, localeOf } from './query-params.ts';
import { availabilityReport, plays } from './reports.ts';
import { BASE, type StaffEnv } from './staff-auth.ts';

export interface ExportOptions {
  db: Db;
  now: () => number;
  published: () => Published;
}

const csvHeaders = (c: { header(name: string, value: string): void }, file: string) => {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${file}"`);
};

/** Routes under BASE; the caller puts them behind requireStaff. */
export function exportRoutes({ db, now, published }: ExportOptions): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  app.get(`${BASE}/api/plays.csv`, async (c) => {
    const range = dateRange(c.req.query('from'), c.req.query('to'));
    if (!range) return c.json({ error: 'bad-range' }, 400);
    const [p, lang] = [published(), localeOf(c.req.query('lang'))];
    const rows = await plays(db, p.timeZone, ...range);
    const title = (id: string) => {
      const t = p.items.get(id)?.title;
      return t === undefined ? '' : localText(t, lang);
    };
    csvHeaders(c, `plays-${range[0]}-${range[1]}.csv`);
    return c.body(toCsv(PLAY_COLUMNS, rows.map((r) => [r.day, r.screen, r.item, title(r.item), r.kind, r.plays, r.completed, r.seconds])));
  });

  app.get(`${BASE}/api/availability.csv`, async (c) => {
    const range = dateRange(c.req.query('from'), c.req.query('to'));
    if (!range) return c.json({ error: 'bad-range' }, 400);
    const lang = localeOf(c.req.query('lang'));
    const { screens, cells } = await availabilityReport(db, published(), now(), ...range);
    const names = new Map(screens.map((s) => [s.id, localText(s.name, lang)]));
    const share = (r: number, e: number) => (e > 0 ? Math.round((r / e) * 1000) / 10 : '');
    csvHeaders(c, `availability-${range[0]}-${range[1]}.csv`);
    return c.body(toCsv(AVAILABILITY_COLUMNS, cells.map((x) => [x.day, x.screen, names.get(x.screen) ?? x.screen, x.expected, x.reported, share(x.reported, x.expected)])));
  });

  return app;
}
