/**
 * A slide on glass (or fading out under the next one) and the timing of its pages: each page
 * gets an equal share of the slide's time, so the loop's timing never changes.
 */
import type { OnAir } from '../frame/slide-at.ts';
import type { SlideData } from './slide.ts';

export interface Layer {
  /** Item id and start instant: it changes with every airing. */
  key: string;
  air: OnAir;
  data: SlideData;
  /** The page on glass (0-based). */
  page: number;
  /** Put up with nothing before it on the glass (a start, a reload, screen hours begin): no fade from black. */
  still: boolean;
}

/** The page of a slide of `pages` pages at `now`. */
export function pageAt(l: Layer, pages: number, now: number): number {
  const { startsAt, endsAt } = l.air;
  return Math.max(0, Math.min(pages - 1, Math.floor(((now - startsAt) * pages) / (endsAt - startsAt))));
}

/** Start and end (ms) of the layer's current page. */
export function pageSpan(l: Layer, pages: number): [number, number] {
  const { startsAt, endsAt } = l.air;
  const per = (endsAt - startsAt) / pages;
  return [startsAt + per * l.page, l.page >= pages - 1 ? endsAt : startsAt + per * (l.page + 1)];
}
