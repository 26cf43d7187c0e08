/**
 * The schedule follows src/content/defaults.ts where settings.json and the screen are silent:
 * the slide floor (slideSeconds), the event lead time (eventLeadDays) and the locale. Run
 * twice: with the defaults as written, and with them moved (the module mocked), so that a
 * separate constant in the schedule that happens to hold the same value is caught as well.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Screen, Settings } from '../../src/content/schema.ts';
import { at, calendarIn, item } from '../fixtures/schedule/world.ts';

type Defaults = typeof import('../../src/content/defaults.ts');

/** The schedule's modules loaded afresh, on defaults moved by `shift` (0: as written). */
async function scheduleOn(shift: number) {
  vi.resetModules();
  vi.doMock('../../src/content/defaults.ts', async (importOriginal) => {
    const real = await importOriginal<Defaults>();
    const d = real.DEFAULT_SETTINGS;
    return { ...real, DEFAULT_SETTINGS: { ...d, slideSeconds: d.slideSeconds + shift, eventLeadDays: d.eventLeadDays + shift } };
  });
  // One after the other: imports racing the async factory can see the real module.
  const { DEFAULT_SETTINGS } = await import('../../src/content/defaults.ts');
  const { buildPlaylist } = await import('../../src/schedule/playlist.ts');
  const { slideSeconds } = await import('../../src/schedule/seconds.ts');
  return { DEFAULT_SETTINGS, buildPlaylist, slideSeconds };
}

/** Settings and a screen that name none of the defaults. */
const SILENT: Settings = {};
const SCREEN: Screen = { id: 'gate', name: 'Gate', place: ['xuanwu'] };
const DAY = 86_400_000;

describe.each([['as written', 0], ['moved by 5', 5]])('defaults %s', (_label, shift) => {
  let s: Awaited<ReturnType<typeof scheduleOn>>;
  beforeAll(async () => {
    s = await scheduleOn(shift);
  });
  afterAll(() => {
    vi.doUnmock('../../src/content/defaults.ts');
    vi.resetModules();
  });
  const plan = (items: Parameters<typeof s.buildPlaylist>[0], instant: number) =>
    s.buildPlaylist(items, SCREEN, SILENT, instant, { calendar: calendarIn() });

  // Reads in 5 s (notice base 4 + one character ÷ 3), below any floor: the floor decides.
  const short = item('n/short', { kind: 'notice', title: '停' });

  it('a short item stays DEFAULT_SETTINGS.slideSeconds (slideSeconds and buildPlaylist)', () => {
    expect(s.slideSeconds(short, 'zh-Hant')).toBe(s.DEFAULT_SETTINGS.slideSeconds);
    const p = plan([short], at('2026-10-18T09:00:00+08:00'));
    expect(p.slides.map((x) => [x.id, x.seconds])).toEqual([['n/short', s.DEFAULT_SETTINGS.slideSeconds]]);
  });

  it('an event shows from exactly DEFAULT_SETTINGS.eventLeadDays local days before its start', () => {
    const starts = at('2026-11-20T09:00:00+08:00');
    const ev = item('e/talk', { kind: 'event', title: '講座', event: { starts: '2026-11-20T09:00:00+08:00', ends: '2026-11-20T11:00:00+08:00', place: '活動中心' } });
    const lead = s.DEFAULT_SETTINGS.eventLeadDays;
    // The first minute of the lead's first local day, and the last minute of the day before.
    const first = starts - lead * DAY - 9 * 3_600_000;
    const on = plan([ev], first);
    expect(on.slides.map((x) => x.id)).toEqual(['e/talk']);
    expect(on.slides[0]?.reasons.find((r) => r.rule === 'event')?.params.days).toBe(lead);
    const off = plan([ev], first - 60_000);
    expect(off.slides.map((x) => x.id)).not.toContain('e/talk');
    expect(off.excluded).toEqual([{ id: 'e/talk', reasons: [expect.objectContaining({ code: 'event-too-early', params: expect.objectContaining({ lead }) })] }]);
  });

  it('with neither screen nor site naming a locale, DEFAULT_SETTINGS.locale sets the seconds', () => {
    const x = item('h/x', { title: { [s.DEFAULT_SETTINGS.locale]: '安'.repeat(60), en: 'Short' } });
    const p = plan([x], at('2026-10-18T09:00:00+08:00'));
    expect(p.slides[0]?.seconds).toBe(s.slideSeconds(x, s.DEFAULT_SETTINGS.locale));
    expect(p.slides[0]?.seconds).not.toBe(s.slideSeconds(x, 'en'));
  });
});
