/**
 * The slide on air is a function of the instant: position = (t − epoch) mod loop length, with
 * epoch = 0 (the Unix epoch). A reload resumes the same slide; two screens with the same
 * content agree.
 */
import type { Playlist, Slide } from '../schedule/playlist.ts';

/** The slide on air at an instant, and when it started and ends (ms since the epoch). */
export interface OnAir {
  index: number;
  slide: Slide;
  startsAt: number;
  endsAt: number;
}

/** What slideAt reads of a playlist (the page gets loops without the rest). */
export type Slides = Pick<Playlist, 'slides'>;

const ends = new WeakMap<Slides, number[]>();

/** Cumulative end offsets in ms of each slide within one loop, memoised per playlist. */
function endOffsets(p: Slides): number[] {
  let e = ends.get(p);
  if (!e) {
    let acc = 0;
    e = p.slides.map((s) => (acc += Math.max(1, Math.round(s.seconds * 1000))));
    ends.set(p, e);
  }
  return e;
}

/**
 * The slide on air at `instant` (ms since the epoch).
 * @example slideAt(playlist, Date.parse('2026-10-18T09:00:00+08:00')).slide.id
 */
export function slideAt(playlist: Slides, instant: number): OnAir {
  const e = endOffsets(playlist);
  const loop = e[e.length - 1];
  if (loop === undefined) throw new RangeError('slideAt: empty playlist');
  const t = Math.floor(instant);
  const pos = ((t % loop) + loop) % loop;
  let lo = 0;
  let hi = e.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (e[mid]! > pos) hi = mid;
    else lo = mid + 1;
  }
  const loopStart = t - pos;
  const startsAt = loopStart + (lo === 0 ? 0 : e[lo - 1]!);
  return { index: lo, slide: playlist.slides[lo]!, startsAt, endsAt: loopStart + e[lo]! };
}
