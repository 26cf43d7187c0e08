/**
 * When is each item on air? Pure look-ups over the schedule for the staff preview: a day
 * timeline in half-hour slots and an outlook over the coming days.
 */
import type { CompiledItem, Screen, Settings } from '../content/schema.ts';
import type { ScheduleContext } from '../schedule/context.ts';
import { buildPlaylist } from '../schedule/playlist.ts';

export interface TimelineRow {
  id: string;
  /** One flag per column: on air in that slot or day. */
  on: boolean[];
}

export interface Timeline {
  /** Column labels: "06:00", "06:30", … or "10/18", "10/19", … */
  columns: string[];
  /** Items on air at least once, in loop order of their first appearance. */
  rows: TimelineRow[];
}

function collect(columns: string[], instantsPerColumn: number[][], items: readonly CompiledItem[], screen: Screen, settings: Settings, ctx: ScheduleContext): Timeline {
  const rows = new Map<string, boolean[]>();
  instantsPerColumn.forEach((instants, c) => {
    for (const t of instants) {
      for (const slide of buildPlaylist(items, screen, settings, t, ctx).slides) {
        let row = rows.get(slide.id);
        if (!row) rows.set(slide.id, (row = columns.map(() => false)));
        row[c] = true;
      }
    }
  });
  return { columns, rows: [...rows].map(([id, on]) => ({ id, on })) };
}

/** Half-hour slots of one local day, from `fromHour` to `toHour` (default 06:00–22:00). */
export function dayTimeline(date: string, items: readonly CompiledItem[], screen: Screen, settings: Settings, ctx: ScheduleContext, fromHour = 6, toHour = 22): Timeline {
  const columns: string[] = [];
  const instants: number[][] = [];
  for (let m = fromHour * 60; m < toHour * 60; m += 30) {
    const hm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    columns.push(hm);
    // The middle of the slot: a rule that changes exactly on the half hour is shown where it holds longest.
    const mid = `${String(Math.floor((m + 15) / 60)).padStart(2, '0')}:${String((m + 15) % 60).padStart(2, '0')}`;
    instants.push([ctx.calendar.zonedInstant(date, mid)]);
  }
  return collect(columns, instants, items, screen, settings, ctx);
}

/** The coming `days` days from `date`: an item counts for a day if it is on air at any of `hours`. */
export function outlook(date: string, days: number, items: readonly CompiledItem[], screen: Screen, settings: Settings, ctx: ScheduleContext, hours = ['07:00', '09:00', '12:00', '15:00', '18:00', '21:00']): Timeline {
  const columns: string[] = [];
  const instants: number[][] = [];
  for (let d = 0; d < days; d++) {
    const day = ctx.calendar.addDays(date, d);
    columns.push(`${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`);
    instants.push(hours.map((h) => ctx.calendar.zonedInstant(day, h)));
  }
  return collect(columns, instants, items, screen, settings, ctx);
}
