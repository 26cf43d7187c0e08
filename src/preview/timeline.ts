/**
 * When is each item on air? Pure look-ups over what the glass plays (src/frame/frame-at.ts
 * airAt: the kiosk's own on/off and loop, drafts never in it) for the staff preview: a day
 * timeline in half-hour slots over the screen's hours, and an outlook over the coming days.
 */
import type { CompiledItem, Screen, Settings } from '../content/schema.ts';
import { airAt } from '../frame/frame-at.ts';
import type { ScheduleContext } from '../schedule/context.ts';
import { minutesOf } from '../schedule/time-strings.ts';

export interface TimelineRow {
  id: string;
  /** One flag per column: on air in that slot or day. */
  on: boolean[];
}

export interface Timeline {
  /** Column labels: "06:30", "07:00", … or "10/18", "10/19", … */
  columns: string[];
  /** Per column: the screen is lit at least once in it. */
  lit: boolean[];
  /** Items on air at least once, in loop order of their first appearance. */
  rows: TimelineRow[];
}

function collect(columns: string[], instantsPerColumn: number[][], items: readonly CompiledItem[], screen: Screen, settings: Settings, ctx: ScheduleContext): Timeline {
  const rows = new Map<string, boolean[]>();
  const lit = columns.map(() => false);
  instantsPerColumn.forEach((instants, c) => {
    for (const t of instants) {
      const { on, playlist } = airAt(items, screen, settings, t, ctx, { excluded: false });
      if (on) lit[c] = true;
      for (const slide of playlist?.slides ?? []) {
        let row = rows.get(slide.id);
        if (!row) rows.set(slide.id, (row = columns.map(() => false)));
        row[c] = true;
      }
    }
  });
  return { columns, lit, rows: [...rows].map(([id, on]) => ({ id, on })) };
}

const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * The half-hours of the screen's hours (screen.hours, else settings.hours): from the slot that
 * holds "on" to the one that holds "off" (past midnight for hours such as 18:00–02:00); the whole
 * day for a screen that is always on. [from, to) in minutes since the local midnight.
 */
export function hoursSpan(screen: Screen, settings: Settings): [from: number, to: number] {
  const hours = screen.hours ?? settings.hours;
  if (!hours) return [0, 24 * 60];
  const on = Math.floor(minutesOf(hours.on) / 30) * 30;
  let off = Math.ceil(minutesOf(hours.off) / 30) * 30;
  if (off <= on) off += 24 * 60;
  return [on, off];
}

/** Half-hour slots of one local day over the screen's hours ([from, to) minutes: see hoursSpan). */
export function dayTimeline(date: string, items: readonly CompiledItem[], screen: Screen, settings: Settings, ctx: ScheduleContext,
  [from, to] = hoursSpan(screen, settings)): Timeline {
  const columns: string[] = [];
  const instants: number[][] = [];
  for (let m = from; m < to; m += 30) {
    columns.push(hhmm(m));
    const day = m >= 24 * 60 ? ctx.calendar.addDays(date, 1) : date;
    // The middle of the slot: a rule that changes exactly on the half hour is shown where it holds longest.
    instants.push([ctx.calendar.zonedInstant(day, hhmm(m + 15))]);
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
