/**
 * Everything a slide element shows, made in one place for the kiosk (<kiosk-app>, from the
 * frame on air) and the preview (its thumbnails, from the head of the screen's frame).
 */
import type { Locale } from '../content/keys.ts';
import type { Slide } from '../schedule/playlist.ts';
import type { DayText } from './day-text.ts';
import type { FrameHead } from './frame-at.ts';

export interface SlideData {
  slide: Slide;
  locale: Locale;
  portrait: boolean;
  /** The instant the slide went on air. */
  now: number;
  timeZone: string;
  /** The day's lines (the built-in card shows them). */
  day?: DayText;
  /** A loadable URL for a content path ("assets/…", "qr/…"). */
  assetUrl(path: string): string | undefined;
}

/** A slide of a screen's frame, on air from `now`. */
export function slideData(
  head: Pick<FrameHead, 'locale' | 'timeZone' | 'day'>, slide: Slide, now: number, portrait: boolean,
  assetUrl: (path: string) => string | undefined,
): SlideData {
  return { slide, locale: head.locale, portrait, now, timeZone: head.timeZone, day: head.day, assetUrl };
}
