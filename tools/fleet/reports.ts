/**
 * The dashboard's reads: the screens' latest state, availability (the share of each screen's
 * hours it reported, per local day) and proof of play (plays and seconds grouped by item,
 * kind, screen or day over a range of local dates). Local days are in the site's time zone.
 */
import type { PlayRow } from '../../src/fleet/dashboard/api.ts';
import { addDays, dateOfDay, dayNumber } from '../../src/calendar/days.ts';
import { zonedInstant } from '../../src/calendar/zone.ts';
import type { Db } from './db.ts';
import { SLOT_SECONDS } from './ingest.ts';
import type { Published } from './published.ts';
import { hoursOf, localMinute, minutesOn, minutesOnBefore } from './screen-hours.ts';
import { screenRows, type SeenRow } from './screen-status.ts';

export function seenScreens(db: Db): Promise<SeenRow[]> {
  return db.query<SeenRow>('SELECT screen, last_seen, beat FROM screen_state');
}

/** [from, to] local dates as the instants [start of from, start of the day after to). */
function range(from: string, to: string, timeZone: string): [string, string] {
  return [new Date(zonedInstant(from, '00:00', timeZone)).toISOString(), new Date(zonedInstant(addDays(to, 1), '00:00', timeZone)).toISOString()];
}

export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = dayNumber(from); d <= dayNumber(to) && out.length < 400; d++) out.push(dateOfDay(d));
  return out;
}

export interface AvailabilityCell {
  screen: string;
  day: string;
  /** Minutes within its hours that it reported, and minutes within its hours (so far, today; none, later). */
  reported: number;
  expected: number;
}

export async function availability(db: Db, published: Published, screens: string[], from: string, to: string, now: number): Promise<AvailabilityCell[]> {
  const today = localMinute(now, published.timeZone);
  const tz = published.timeZone;
  const byId = new Map(published.screens.map((s) => [s.id, s]));
  const hours = new Map(screens.map((id) => [id, hoursOf(byId.get(id)?.hours)]));
  const [start, end] = range(from, to, tz);
  const rows = await db.query<{ screen: string; day: string; slots: number }>(
    `WITH h AS (SELECT * FROM unnest($4::text[], $5::int[], $6::int[], $7::text[]) AS h(screen, on_min, off_min, weekdays)),
     p AS (SELECT p.screen, p.slot AT TIME ZONE $1 AS local FROM presence p WHERE p.slot >= $2 AND p.slot < $3)
     SELECT p.screen, to_char(p.local, 'YYYY-MM-DD') AS day, count(*)::int AS slots
     FROM p JOIN h ON h.screen = p.screen
     WHERE strpos(h.weekdays, extract(isodow FROM p.local)::int::text) > 0
       AND (CASE WHEN h.on_min < h.off_min
            THEN extract(hour FROM p.local) * 60 + extract(minute FROM p.local) >= h.on_min
             AND extract(hour FROM p.local) * 60 + extract(minute FROM p.local) < h.off_min
            ELSE extract(hour FROM p.local) * 60 + extract(minute FROM p.local) >= h.on_min
              OR extract(hour FROM p.local) * 60 + extract(minute FROM p.local) < h.off_min END)
     GROUP BY 1, 2`,
    [tz, start, end, screens, screens.map((s) => hours.get(s)!.on), screens.map((s) => hours.get(s)!.off), screens.map((s) => hours.get(s)!.weekdays.join(''))],
  );
  const got = new Map(rows.map((r) => [`${r.screen} ${r.day}`, Number(r.slots)]));
  const cells: AvailabilityCell[] = [];
  for (const screen of screens) {
    for (const day of datesBetween(from, to)) {
      const h = hours.get(screen)!;
      const expected = day > today.date ? 0 : day === today.date ? minutesOnBefore(h, day, today.minute) : minutesOn(h, day);
      const reported = Math.min(expected, (got.get(`${screen} ${day}`) ?? 0) * (SLOT_SECONDS / 60));
      cells.push({ screen, day, reported, expected });
    }
  }
  return cells;
}

/** Availability of every screen (published, or seen), sorted by id, over [from, to]: the dashboard's table and CSV. */
export async function availabilityReport(db: Db, published: Published, now: number, from: string, to: string) {
  const rows = screenRows(published, await seenScreens(db), now);
  const ids = rows.map((r) => r.id).sort();
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return { screens: ids.map((id) => ({ id, name: names.get(id)! })), cells: await availability(db, published, ids, from, to, now) };
}

export const GROUPS = ['item', 'kind', 'screen', 'day'] as const;
export type Group = (typeof GROUPS)[number];

/** A row of plays, as the dashboard reads it (src/fleet/dashboard/api.ts: the answer's one definition). */
export type { PlayRow };

/**
 * Plays over [from, to] (local dates): detailed rows (day, screen, item, kind), or summed by
 * one of GROUPS (the other keys then empty). Periods of the card and of screen-off count as
 * kind "card" / "off" with an empty item; folded hourly totals count as their plays.
 */
export async function plays(db: Db, timeZone: string, from: string, to: string, group?: Group): Promise<PlayRow[]> {
  const [start, end] = range(from, to, timeZone);
  const key = { item: 'item, kind', kind: 'kind', screen: 'screen', day: 'day' } as const;
  const cols = group ? key[group] : 'day, screen, item, kind';
  const rows = await db.query<PlayRow>(
    `WITH a AS (
       SELECT screen, item, kind, started AS at, 1 AS plays, CASE WHEN completed THEN 1 ELSE 0 END AS completed, seconds
         FROM plays WHERE started >= $2 AND started < $3
       UNION ALL
       SELECT screen, item, kind, hour, plays, completed, seconds FROM hourly_totals WHERE hour >= $2 AND hour < $3
       UNION ALL
       SELECT screen, '', type, started, 1, 0, seconds FROM periods WHERE started >= $2 AND started < $3
     ), d AS (SELECT to_char(at AT TIME ZONE $1, 'YYYY-MM-DD') AS day, screen, item, kind, plays, completed, seconds FROM a)
     SELECT ${cols}, sum(plays)::int AS plays, sum(completed)::int AS completed, sum(seconds)::float8 AS seconds
     FROM d GROUP BY ${cols} ORDER BY ${cols}`,
    [timeZone, start, end],
  );
  return rows.map((r) => ({
    day: r.day ?? '', screen: r.screen ?? '', item: r.item ?? '', kind: r.kind ?? '',
    plays: Number(r.plays), completed: Number(r.completed), seconds: Math.round(Number(r.seconds) * 10) / 10,
  }));
}
