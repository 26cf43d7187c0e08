/**
 * What one screen shows at an instant, from the content: a pure function (no DOM, no clock),
 * run where the content lives (the service worker on a screen; the page itself in the
 * preview, on the dev server and without a worker). The result is plain data, so it crosses
 * from the worker to the page as a message; <kiosk-app> only decides *when* to look.
 */
import { localeOf } from '../content/defaults.ts';
import type { Locale } from '../content/keys.ts';
import type { Screen } from '../content/schema.ts';
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
  /** Within the screen hours. */
  on: boolean;
  /** When on: the loop (never empty). The slide on air is slideAt(loop, t). */
  loop?: Loop;
}

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
  const ctx = { calendar: calendarOf(content) };
  const on = screenIsOn(screen, settings, now, ctx);
  const frame: Frame = { ...frameHead(content, screen, now), on };
  if (on) {
    const { mode, slides, totalSeconds } = buildPlaylist(content.items, screen, settings, now, ctx, { excluded: false });
    frame.loop = { mode, slides, totalSeconds };
  }
  return frame;
}
