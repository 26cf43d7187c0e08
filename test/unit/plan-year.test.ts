/**
 * The sample content never leaves a screen empty: every screen, every hour of a whole year
 * (2027, the year after the sample events), has a non-empty loop whose slides all have time.
 */
import { describe, expect, it } from 'vitest';
import { decodeTables } from '../../src/calendar/tables.ts';
import { calendarOptions, createCalendarView } from '../../src/schedule/calendar-view.ts';
import { buildPlaylist } from '../../src/schedule/playlist.ts';
import { buildTables } from '../../tools/lib/calendar-tables.ts';
import { loadContent } from '../../tools/lib/load-content.ts';

const content = loadContent('content');
const tables = decodeTables(buildTables(2026, 2028));
const HOUR = 3_600_000;

describe('the loop over a year of the sample content', () => {
  it.each(content.screens.map((s) => [s.id, s] as const))('%s: non-empty at every hour of 2027', (_id, screen) => {
    const calendar = createCalendarView(tables, content.settings.timeZone ?? 'Asia/Shanghai', calendarOptions(content.settings));
    const start = Date.parse('2027-01-01T00:00:00+08:00');
    const end = Date.parse('2028-01-01T00:00:00+08:00');
    const modes = new Map<string, number>();
    let hours = 0;
    for (let t = start; t < end; t += HOUR) {
      const p = buildPlaylist(content.items, screen, content.settings, t, { calendar });
      if (p.slides.length === 0 || p.totalSeconds <= 0 || p.slides.some((s) => !(s.seconds > 0))) {
        throw new Error(`empty or broken loop for ${screen.id} at ${new Date(t).toISOString()}`);
      }
      modes.set(p.mode, (modes.get(p.mode) ?? 0) + 1);
      hours++;
    }
    expect(hours).toBe(8760);
    // Seasonal content is there all year: the loop never falls back to the built-in card.
    expect(modes.get('builtin') ?? 0).toBe(0);
  }, 60_000);
});
