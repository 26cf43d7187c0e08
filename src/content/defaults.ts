/**
 * Defaults applied wherever settings.json (or a screen profile) is silent: the one place they
 * are written down. A module of its own, with no runtime imports: the kiosk page reads them
 * without loading the schema (and its validator).
 *
 * @example timeZoneOf(manifest.settings) // 'Asia/Shanghai' when settings.json names none
 * @example localeOf(settings, screen)    // the screen's, else the site's, else 'zh-Hant'
 */
import type { Locale } from './keys.ts';
import type { Screen, Settings } from './schema.ts';

export const DEFAULT_SETTINGS = {
  timeZone: 'Asia/Shanghai',
  locale: 'zh-Hant',
  /** The shortest a slide stays (s); a poster stays at least 12 (src/schedule/seconds.ts). */
  slideSeconds: 8,
  seasons: 'chinese',
  /** Seconds between sync runs. */
  syncInterval: 60,
  /** Days before an event's start from which it is shown. */
  eventLeadDays: 14,
} as const satisfies Partial<Settings>;

/** The site's IANA time zone. */
export function timeZoneOf(settings: Pick<Settings, 'timeZone'> | undefined): string {
  return settings?.timeZone ?? DEFAULT_SETTINGS.timeZone;
}

/** A screen's locale: its own, else the site's, else the default. */
export function localeOf(settings: Pick<Settings, 'locale'> | undefined, screen?: Pick<Screen, 'locale'>): Locale {
  return screen?.locale ?? settings?.locale ?? DEFAULT_SETTINGS.locale;
}

/** Seconds between sync runs. */
export function syncIntervalOf(settings: Pick<Settings, 'syncInterval'> | undefined): number {
  return settings?.syncInterval ?? DEFAULT_SETTINGS.syncInterval;
}

/** Seconds between two heartbeats of a screen to its fleet server (docs/fleet.md). */
export const HEARTBEAT_S = 300;

/** Seconds between a screen's heartbeats. */
export function heartbeatOf(settings: Pick<Settings, 'fleet'> | undefined): number {
  return settings?.fleet?.heartbeat ?? HEARTBEAT_S;
}
