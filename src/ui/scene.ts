/**
 * What one screen shows at an instant, from the active content: a pure function (no DOM, no
 * clock), so <kiosk-app> only decides *when* to ask.
 */
import type { ActiveContent } from '../app/active-content.ts';
import type { Locale } from '../content/keys.ts';
import type { Screen, Settings } from '../content/schema.ts';
import { calendarOptions, createCalendarView, type CalendarView } from '../schedule/calendar-view.ts';
import { buildPlaylist, type Playlist } from '../schedule/playlist.ts';
import { screenIsOn } from '../schedule/screen-hours.ts';
import { slideAt, type OnAir } from '../schedule/slide-at.ts';

export interface Scene {
  screen: Screen;
  settings: Settings;
  locale: Locale;
  timeZone: string;
  cal: CalendarView;
  /** Within the screen hours. */
  on: boolean;
  /** When on: the loop and the slide on air. */
  playlist?: Playlist;
  air?: OnAir;
}

const views = new WeakMap<ActiveContent, CalendarView>();

/** The locale of a screen: its own, else the site's, else zh-Hant. */
export function localeOf(content: ActiveContent | undefined, screen?: Screen): Locale {
  return screen?.locale ?? content?.manifest.settings.locale ?? 'zh-Hant';
}

/**
 * The scene of screen `screenId` at `now`; null when the content has no such screen.
 * @example sceneAt(content, 'lvyuan-gate', Date.parse('2026-10-18T09:00:00+08:00'))?.air?.slide.id
 */
export function sceneAt(content: ActiveContent, screenId: string | undefined, now: number): Scene | null {
  const { screens, settings } = content.manifest;
  const screen = screens.find((s) => s.id === screenId);
  if (!screen) return null;
  const timeZone = settings.timeZone ?? 'Asia/Shanghai';
  let cal = views.get(content);
  if (!cal) {
    cal = createCalendarView(content.tables, timeZone, calendarOptions(settings));
    views.set(content, cal);
  }
  const ctx = { calendar: cal };
  const on = screenIsOn(screen, settings, now, ctx);
  const scene: Scene = { screen, settings, locale: localeOf(content, screen), timeZone, cal, on };
  if (on) {
    scene.playlist = buildPlaylist(content.items, screen, settings, now, ctx);
    scene.air = slideAt(scene.playlist, now);
  }
  return scene;
}
