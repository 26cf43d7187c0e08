import { describe, expect, it } from 'vitest';
import type { Playlist, Slide } from '../../src/schedule/playlist.ts';
import { slideAt } from '../../src/frame/slide-at.ts';

const slide = (id: string, seconds: number): Slide => ({ id, kind: 'health', seconds, reasons: [] });
const loop: Playlist = { mode: 'loop', slides: [slide('a', 10), slide('b', 20), slide('c', 30)], totalSeconds: 60, excluded: [] };

describe('slideAt: position = (t − Unix epoch) mod loop length', () => {
  type Row = [label: string, t: number, index: number, startsAt: number, endsAt: number];
  const rows: Row[] = [
    ['the epoch starts the first slide', 0, 0, 0, 10_000],
    ['the second slide', 10_000, 1, 10_000, 30_000],
    ['the last millisecond of the loop', 59_999, 2, 30_000, 60_000],
    ['the next loop', 60_000, 0, 60_000, 70_000],
    ['before the epoch', -1, 2, -30_000, 0],
    ['an instant in 2026', Date.UTC(2026, 9, 18, 1, 0, 15), 1, Date.UTC(2026, 9, 18, 1, 0, 10), Date.UTC(2026, 9, 18, 1, 0, 30)],
  ];
  it.each(rows)('%s', (_label, t, index, startsAt, endsAt) => {
    const on = slideAt(loop, t);
    expect(on).toEqual({ index, slide: loop.slides[index], startsAt, endsAt });
    expect(slideAt(loop, t).endsAt).toBe(endsAt);
  });

  it.each([1_000, 123_456_789, Date.UTC(2026, 11, 12, 1)])('a reload resumes the same slide; two screens agree (t = %i)', (t) => {
    const copy: Playlist = structuredClone(loop);
    expect(slideAt(copy, t).index).toBe(slideAt(loop, t).index);
    expect(slideAt(loop, t + 3_600_000 * 24).slide.id).toBe(slideAt(loop, t).slide.id); // a day is 1440 loops
  });
});
