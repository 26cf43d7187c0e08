/**
 * A slide drawn by the kiosk's own components, small (strip) or large, at the screen's aspect
 * ratio, in a <slide-frame> (the kiosk's stylesheet and nothing of the preview's). The box is a
 * size container, so the slide's --u unit scales with it: what staff see is the kiosk's layout,
 * fitted and paged the same way.
 */
import { html } from 'lit';
import type { Screen } from '../content/schema.ts';
import type { ContentSet } from '../frame/content-set.ts';
import { frameHead } from '../frame/frame-at.ts';
import { slideData } from '../frame/slide-data.ts';
import type { CalendarView } from '../schedule/calendar-view.ts';
import type { Slide } from '../schedule/playlist.ts';
import './slide-frame.ts';

export interface ThumbContext {
  content: ContentSet;
  screen: Screen;
  calendar: CalendarView;
  at: number;
}

/** The slide as the kiosk would draw it at `c.at`: the same head and slide data as the glass. */
export function slideThumb(slide: Slide, c: ThumbContext, size: 'thumb' | 'large') {
  const data = slideData(frameHead(c.content, c.screen, c.at), slide, c.at, c.screen.orientation === 'portrait', c.content.assetUrl);
  return html`<div class="slide ${size}"><slide-frame .data=${data}></slide-frame></div>`;
}
