/**
 * A screen's planned day, slide by slide, as the glass would play it (airAt and slideAt, the
 * kiosk's own functions), counted per item: what the preview exports in the columns of the
 * fleet's proof-of-play CSV (src/content/csv.ts PLAY_COLUMNS), so planned and played can be
 * laid side by side. Pure: the content and the day are parameters.
 *
 * @example plannedDay(content, 'lvyuan-gate', '2026-10-18') // [{ item, kind, plays, seconds, … }]
 */
import { localText } from '../calendar/local-text.ts';
import { localeOf } from '../content/defaults.ts';
import type { Kind } from '../content/keys.ts';
import { zonedInstant } from '../calendar/zone.ts';
import { BUILTIN_ID } from '../schedule/builtin-id.ts';
import { calendarOf } from './calendar-of.ts';
import type { ContentSet } from './content-set.ts';
import { airAt, nextSwitch } from './frame-at.ts';
import { slideAt } from './slide-at.ts';

export interface PlannedRow {
  date: string;
  screen: string;
  item: string;
  title: string;
  kind: Kind;
  /** Slides of the item that begin within the day (all planned to complete). */
  plays: number;
  completed: number;
  seconds: number;
}

/** The planned plays of `date` (YYYY-MM-DD, the site's zone) on `screenId`, by item id; [] for an unknown screen. */
export function plannedDay(content: ContentSet, screenId: string, date: string): PlannedRow[] {
  const screen = content.manifest.screens.find((s) => s.id === screenId);
  if (!screen) return [];
  const { settings } = content.manifest;
  const ctx = { calendar: calendarOf(content) };
  const tz = ctx.calendar.timeZone;
  const [from, to] = [zonedInstant(date, '00:00', tz), zonedInstant(date, '24:00', tz)];
  const locale = localeOf(settings, screen);
  const rows = new Map<string, PlannedRow>();
  for (let t = from; t < to;) {
    const air = airAt(content.items, screen, settings, t, ctx, { excluded: false });
    if (!air.playlist) {
      t = Math.min(to, nextSwitch(screen, settings, t, ctx, 1) ?? to);
      continue;
    }
    const { slide, startsAt, endsAt } = slideAt(air.playlist, t);
    if (startsAt >= from && slide.id !== BUILTIN_ID && slide.item) {
      const row = rows.get(slide.id) ?? {
        date, screen: screen.id, item: slide.id, title: localText(slide.item.title, locale), kind: slide.kind, plays: 0, completed: 0, seconds: 0,
      };
      row.plays++;
      row.completed++;
      row.seconds += (endsAt - startsAt) / 1000;
      rows.set(slide.id, row);
    }
    t = endsAt;
  }
  return [...rows.values()].sort((a, b) => (a.item < b.item ? -1 : 1));
}
