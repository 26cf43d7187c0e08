/**
 * Benchmark of the loop: buildPlaylist for a large content folder (first call, then the same
 * instant again, then a new minute each run: what a screen does, re-planning once a minute),
 * and the service worker's frames for the page (framesFor: every minute of an hour, merged).
 * CPU time is printed beside wall time: it is steadier on a shared machine.
 */
import { buildTables } from '../lib/calendar-tables.ts';
import { decodeTables } from '../../src/calendar/tables.ts';
import { timeZoneOf } from '../../src/content/defaults.ts';
import { loadContent } from '../lib/load-content.ts';
import { buildPlaylist, type PlaylistOptions } from '../../src/schedule/playlist.ts';
import { calendarOptions, createCalendarView } from '../../src/schedule/calendar-view.ts';
import type { Manifest } from '../../src/content/manifest.ts';
import { framesFor } from '../../src/frame/frames-for.ts';

const WARM_UP = 10;
const RUNS = 41;

export async function benchSchedule(dir: string): Promise<void> {
  const content = loadContent(dir);
  const tables = decodeTables(buildTables(2025, 2028));
  const screen = content.screens[0]!;
  const at = Date.parse('2026-10-18T09:00:00+08:00');
  // One calendar view per content set, as the kiosk keeps it (src/frame/calendar-of.ts).
  const calendar = createCalendarView(tables, timeZoneOf(content.settings), calendarOptions(content.settings));
  const plan = (instant: number, opts: PlaylistOptions) => buildPlaylist(content.items, screen, content.settings, instant, { calendar }, opts);
  const SCREEN: PlaylistOptions = { excluded: false };
  /** Median, best and worst of RUNS calls after WARM_UP, the i-th call planning instantOf(i). */
  const measure = (instantOf: (i: number) => number, opts: PlaylistOptions) => {
    for (let i = 0; i < WARM_UP; i++) plan(instantOf(i), opts);
    const wall: number[] = [];
    const cpu: number[] = [];
    let slides = 0;
    for (let i = WARM_UP; i < WARM_UP + RUNS; i++) {
      const instant = instantOf(i);
      const c = process.cpuUsage();
      const t = performance.now();
      slides = plan(instant, opts).slides.length;
      wall.push(performance.now() - t);
      const u = process.cpuUsage(c);
      cpu.push((u.user + u.system) / 1000);
    }
    wall.sort((x, y) => x - y);
    cpu.sort((x, y) => x - y);
    const mid = RUNS >> 1;
    return `median ${wall[mid]!.toFixed(2)} ms (CPU ${cpu[mid]!.toFixed(2)} ms), best ${wall[0]!.toFixed(2)} ms, worst ${wall[RUNS - 1]!.toFixed(2)} ms; ${slides} slides`;
  };
  console.log(`schedule: buildPlaylist, ${content.items.length} items (goal ≤ 10 ms at one instant)`);
  const t = performance.now();
  const first = plan(at, SCREEN).slides.length;
  console.log(`  first call (every item prepared and evaluated):        ${(performance.now() - t).toFixed(2)} ms; ${first} slides`);
  console.log(`  as a screen plans it, the same instant (the loop only): ${measure(() => at, SCREEN)}`);
  console.log(`  as a screen plans it, a new minute each run:            ${measure((i) => at + (i + 1) * 60_000, SCREEN)}`);
  console.log(`  as the preview plans it (a reason for every item left out): ${measure(() => at, {})}`);
  // The worker's work for the page: an hour of frames (60 minutes planned, equal ones merged).
  const manifest = { version: 'bench', settings: content.settings, screens: content.screens, assets: [], items: [] } as unknown as Manifest;
  const set = { manifest, items: content.items, tables, assetUrl: () => undefined };
  const hours: number[] = [];
  let frames = 0;
  for (let h = 0; h < 6; h++) {
    const t = performance.now();
    frames = framesFor(set, screen.id, at + h * 3_600_000, 60).frames.length;
    hours.push(performance.now() - t);
  }
  console.log(`schedule: framesFor, an hour of frames for the page (${content.items.length} items, in the service worker)`);
  console.log(`  first hour ${hours[0]!.toFixed(0)} ms, next hours ${hours.slice(1).map((x) => x.toFixed(0)).join(', ')} ms; ${frames} frame(s) in the last`);
}
