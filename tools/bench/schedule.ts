/**
 * Benchmark of the loop: buildPlaylist for a large content folder at one instant, and the
 * service worker's frames for the page (framesFor: every minute of an hour, merged).
 */
import { buildTables } from '../lib/calendar-tables.ts';
import { decodeTables } from '../../src/calendar/tables.ts';
import { loadContent } from '../lib/load-content.ts';
import { buildPlaylist } from '../../src/schedule/playlist.ts';
import { calendarOptions, createCalendarView } from '../../src/schedule/calendar-view.ts';
import type { Manifest } from '../../src/content/manifest.ts';
import { framesFor } from '../../src/frame/frames-for.ts';
import { timeZoneOf } from '../../src/content/defaults.ts';

export async function benchSchedule(dir: string): Promise<void> {
  const content = loadContent(dir);
  const tables = decodeTables(buildTables(2025, 2028));
  const screen = content.screens[0]!;
  const tz = timeZoneOf(content.settings);
  const at = Date.parse('2026-10-18T09:00:00+08:00');
  // One calendar view per content set, as the kiosk keeps it (src/frame/calendar-of.ts).
  const calendar = createCalendarView(tables, tz, calendarOptions(content.settings));
  const measure = (opts: { excluded?: boolean }) => {
    const run = () => buildPlaylist(content.items, screen, content.settings, at, { calendar }, opts);
    for (let i = 0; i < 5; i++) run();
    const wall: number[] = [];
    const cpu: number[] = [];
    let slides = 0;
    for (let i = 0; i < 21; i++) {
      const c = process.cpuUsage();
      const t = performance.now();
      slides = run().slides.length;
      wall.push(performance.now() - t);
      const u = process.cpuUsage(c);
      cpu.push((u.user + u.system) / 1000);
    }
    wall.sort((x, y) => x - y);
    cpu.sort((x, y) => x - y);
    return `median ${wall[10]!.toFixed(2)} ms (CPU ${cpu[10]!.toFixed(2)} ms), best ${wall[0]!.toFixed(2)} ms, worst ${wall[20]!.toFixed(2)} ms; ${slides} slides`;
  };
  console.log(`schedule: buildPlaylist, ${content.items.length} items at one instant (goal ≤ 10 ms)`);
  console.log(`  as a screen plans it (the loop only):               ${measure({ excluded: false })}`);
  console.log(`  as the preview plans it (a reason for every item left out): ${measure({})}`);
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
