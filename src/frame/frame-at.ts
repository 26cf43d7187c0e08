/**
 * What one screen shows at an instant, from the content: a pure function (no DOM, no clock),
 * run where the content lives (the service worker on a screen; the page itself in the
 * preview, on the dev server and without a worker). The result is plain data, so it crosses
 * from the worker to the page as a message; <kiosk-app> only decides *when* to look.
 */
import { localeOf } from '../content/defaults.ts';
import type { Locale } from '../content/keys.ts';
import type { CompiledItem, Screen, Settings } from '../content/schema.ts';
import type { ScheduleContext } from '../schedule/context.ts';
import { buildPlaylist, type Playlist } from '../schedule/playlist.ts';
import { screenIsOn } from '../schedule/screen-hours.ts';
import { calendarOf } from './calendar-of.ts';
import type { ContentSet } from './content-set.ts';
import { dayText, type DayText } from './day-text.ts';

/** The loop as the screen plays it: the playlist without the preview's reasons for the left-out. */
export type Loop = Pick<Playlist, 'mode' | 'slides' | 'totalSeconds'>;

/** What every frame of a screen says whatever plays: who, in which words, which day. */
export interface FrameHead {
  screen: Screen;
  locale: Locale;
  timeZone: string;
  /** The date lines of the header and the built-in card (the clock is read on the page). */
  day: DayText;
}

export interface Frame extends FrameHead {
  /** Lit: within the screen hours, or woken by an emergency alert. */
  on: boolean;
  /** When on: the loop (never empty). The slide on air is slideAt(loop, t). */
  loop?: Loop;
}

/** What a screen plays at an instant: lit or not, and when lit the loop the glass plays. */
export interface Air {
  on: boolean;
  /** Lit outside its hours by an emergency alert (the loop is the emergency alerts alone). */
  woken?: true;
  /** When on: the playlist (never empty; drafts never in it), with the reasons for the left-out if asked. */
  playlist?: Playlist;
}

/**
 * Whether the screen is within its hours at `now`. Whether it is lit is airAt's to say (an
 * emergency alert wakes a dark screen); the kiosk's frames, the preview and `npm run plan` all
 * ask airAt, so they cannot disagree.
 */
export function onAt(screen: Screen, settings: Settings, now: number, ctx: ScheduleContext): boolean {
  return screenIsOn(screen, settings, now, ctx);
}

/**
 * What `screen` plays at `now`, as the glass plays it (drafts are for the preview's own list,
 * never in the loop), with the reasons for every item left out unless `excluded` is false.
 * Outside its hours a screen is dark, unless a published emergency alert is on for it: that
 * wakes it (its loop is the emergency alerts alone) until the alert expires or is withdrawn,
 * except on a screen with `"wake": false`.
 * @example airAt(items, screen, settings, Date.parse('2026-10-18T09:00:00+08:00'), { calendar }).playlist?.slides
 */
export function airAt(
  items: readonly CompiledItem[], screen: Screen, settings: Settings, now: number, ctx: ScheduleContext,
  { excluded = true }: { excluded?: boolean } = {},
): Air {
  const opts = { excluded, preview: false };
  if (onAt(screen, settings, now, ctx)) return { on: true, playlist: buildPlaylist(items, screen, settings, now, ctx, opts) };
  // Dark: only an emergency can change that (and most of the night there is none to look for).
  if (screen.wake === false || !items.some((i) => i.priority === 'emergency' && i.status !== 'draft')) return { on: false };
  const playlist = buildPlaylist(items, screen, settings, now, ctx, opts);
  return playlist.mode === 'emergency' ? { on: true, woken: true, playlist } : { on: false };
}

/**
 * The first minute after `from` at which the screen turns on (or off, if it is on), looked for
 * up to `days` days ahead; undefined if it does not change in that time (hours that never end).
 * @example nextSwitch(screen, settings, Date.parse('2026-12-02T03:00:00+08:00'), ctx) // 06:30 that day
 */
export function nextSwitch(screen: Screen, settings: Settings, from: number, ctx: ScheduleContext, days = 8): number | undefined {
  const now = onAt(screen, settings, from, ctx);
  const step = 10 * MINUTE_MS;
  const first = Math.floor(from / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  for (let t = first; t < from + days * 86_400_000; t += step) {
    if (onAt(screen, settings, t, ctx) === now) continue;
    // Changed within the last step: the first minute that differs.
    for (let u = Math.max(first, t - step + MINUTE_MS); u <= t; u += MINUTE_MS) {
      if (onAt(screen, settings, u, ctx) !== now) return u;
    }
  }
  return undefined;
}

const MINUTE_MS = 60_000;

/** The head of a screen's frame at `now`: its locale, the site's time zone, the day's lines. */
export function frameHead(content: ContentSet, screen: Screen, now: number): FrameHead {
  const cal = calendarOf(content);
  const locale = localeOf(content.manifest.settings, screen);
  return { screen, locale, timeZone: cal.timeZone, day: dayText(now, locale, cal.timeZone, cal, content.tables, content.manifest.settings.observances) };
}

/**
 * The frame of screen `screenId` at `now`; null when the content has no such screen.
 * @example slideAt(frameAt(content, 'lvyuan-gate', Date.parse('2026-10-18T09:00:00+08:00'))!.loop!, t).slide.id
 */
export function frameAt(content: ContentSet, screenId: string | undefined, now: number): Frame | null {
  const { screens, settings } = content.manifest;
  const screen = screens.find((s) => s.id === screenId);
  if (!screen) return null;
  const { on, playlist } = airAt(content.items, screen, settings, now, { calendar: calendarOf(content) }, { excluded: false });
  const frame: Frame = { ...frameHead(content, screen, now), on };
  if (playlist) {
    const { mode, slides, totalSeconds } = playlist;
    frame.loop = { mode, slides, totalSeconds };
  }
  return frame;
}
