/** Benchmark of the loop: buildPlaylist for a large content folder at one instant. */
import { buildTables } from './calendar-tables.ts';
import { decodeTables } from '../src/calendar/tables.ts';
import { loadContent } from './lib/load-content.ts';
import { buildPlaylist } from '../src/schedule/playlist.ts';
import { calendarOptions, createCalendarView } from '../src/schedule/calendar-view.ts';

export async function benchSchedule(dir: string): Promise<void> {
  const content = loadContent(dir);
  const tables = decodeTables(buildTables(2025, 2028));
  const screen = content.screens[0]!;
  const tz = content.settings.timeZone ?? 'Asia/Shanghai';
  const at = Date.parse('2026-10-18T09:00:00+08:00');
  // One calendar view per content set, as the kiosk keeps it (src/ui/scene.ts).
  const calendar = createCalendarView(tables, tz, calendarOptions(content.settings));
  const run = () => buildPlaylist(content.items, screen, content.settings, at, { calendar });
  for (let i = 0; i < 5; i++) run();
  const times: number[] = [];
  let slides = 0;
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    slides = run().slides.length;
    times.push(performance.now() - t);
  }
  times.sort((x, y) => x - y);
  console.log(`schedule: buildPlaylist, ${content.items.length} items at one instant (goal ≤ 10 ms)`);
  console.log(`  median ${times[10]!.toFixed(2)} ms, best ${times[0]!.toFixed(2)} ms, worst ${times[19]!.toFixed(2)} ms; ${slides} slides`);
}
