/**
 * A slide drawn by the kiosk's own components, small (strip) or large, at the screen's aspect
 * ratio, in a <slide-frame> (the kiosk's stylesheet and nothing of the preview's). The box is a
 * size container, so the slide's --u unit scales with it: what staff see is the kiosk's layout,
 * fitted and paged the same way.
 */
import { html } from 'lit';
import type { ContentSet } from '../frame/content-set.ts';
import type { Screen } from '../content/schema.ts';
import type { CalendarView } from '../schedule/calendar-view.ts';
import type { Slide } from '../schedule/playlist.ts';
import type { SlideData } from '../ui/slide.ts';
import { localeOf, timeZoneOf } from '../content/defaults.ts';
import { dayText } from '../frame/day-text.ts';
import './slide-frame.ts';

export interface ThumbContext {
  content: ContentSet;
  screen: Screen;
  calendar: CalendarView;
  at: number;
}

export function slideThumb(slide: Slide, c: ThumbContext, size: 'thumb' | 'large') {
  const settings = c.content.manifest.settings;
  const locale = localeOf(settings, c.screen);
  const timeZone = timeZoneOf(settings);
  const data: SlideData = {
    slide,
    locale,
    portrait: c.screen.orientation === 'portrait',
    now: c.at,
    timeZone,
    day: dayText(c.at, locale, timeZone, c.calendar, c.content.tables),
    assetUrl: c.content.assetUrl,
  };
  return html`<div class="slide ${size}"><slide-frame .data=${data}></slide-frame></div>`;
}
