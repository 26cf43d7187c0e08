/**
 * A slide drawn by the kiosk's own components, small (strip) or large, at the screen's aspect
 * ratio, in a <slide-frame> (the kiosk's stylesheet and nothing of the preview's). The box is a
 * size container, so the slide's --u unit scales with it: what staff see is the kiosk's layout,
 * fitted and paged the same way.
 *
 * A slide's data is kept while nothing it shows changes (the same slide of the schedule, words,
 * zone, orientation; the day's lines for the built-in card only): stepping through instants
 * then fits again only the slides that changed.
 */
import { html } from 'lit';
import type { Screen } from '../content/schema.ts';
import type { ContentSet } from '../frame/content-set.ts';
import { type FrameHead, frameHead } from '../frame/frame-at.ts';
import { slideData, type SlideData } from '../frame/slide-data.ts';
import type { CalendarView } from '../schedule/calendar-view.ts';
import { BUILTIN_ID, type Slide } from '../schedule/playlist.ts';
import './slide-frame.ts';

export interface ThumbContext {
  content: ContentSet;
  screen: Screen;
  calendar: CalendarView;
  at: number;
}

let lastHead: { content: ContentSet; screen: Screen; at: number; head: FrameHead } | undefined;
const kept = new WeakMap<Slide, { content: ContentSet; key: string; data: SlideData }>();

/** The slide's data as the kiosk would have it at `c.at`: the same head and slide data as the glass. */
function dataOf(slide: Slide, c: ThumbContext): SlideData {
  if (lastHead?.content !== c.content || lastHead.screen !== c.screen || lastHead.at !== c.at) {
    lastHead = { content: c.content, screen: c.screen, at: c.at, head: frameHead(c.content, c.screen, c.at) };
  }
  const { head } = lastHead;
  const portrait = c.screen.orientation === 'portrait';
  const key = `${head.locale}|${head.timeZone}|${portrait}|${slide.id === BUILTIN_ID ? JSON.stringify(head.day) : ''}`;
  const hit = kept.get(slide);
  if (hit && hit.content === c.content && hit.key === key) return hit.data;
  const data = slideData(head, slide, c.at, portrait, c.content.assetUrl);
  kept.set(slide, { content: c.content, key, data });
  return data;
}

export function slideThumb(slide: Slide, c: ThumbContext, size: 'thumb' | 'large') {
  return html`<div class="slide ${size}"><slide-frame .data=${dataOf(slide, c)}></slide-frame></div>`;
}
