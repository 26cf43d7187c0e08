/**
 * A screen's frames for a stretch of time, as the service worker sends them to the page: the
 * frame of each minute (rules are minute-precise), with runs of equal minutes merged into one
 * segment. The page then needs neither the schedule nor the calendar: it looks up the segment
 * of the instant and plays slideAt(loop, t) in it.
 *
 * @example framesFor(content, 'lvyuan-gate', Date.parse('2026-10-18T09:00:00+08:00'), 60).segments.length // 1
 */
import type { Screen } from '../content/schema.ts';
import { type ContentSet, type Frame, frameAt } from './scene.ts';

export const MINUTE = 60_000;

export interface Segment {
  /** From this instant up to the next segment's `from` (or the reply's `until`). */
  from: number;
  /** null: the content has no such screen. */
  frame: Frame | null;
}

export interface FramesReply {
  /** The content version the frames were made from. */
  version: string;
  /** [from, until): the stretch covered; past `until` the page asks again. */
  from: number;
  until: number;
  segments: Segment[];
  /** Every screen, for the page that lists them (unknown or missing screen id). */
  screens: Pick<Screen, 'id' | 'name'>[];
  /** Content path → URL relative to the content folder, for the pictures and QR codes of the frames. */
  assets: Record<string, string>;
  /** Seconds between sync runs (settings.syncInterval). */
  syncInterval: number | undefined;
}

/** Two frames show the same (the minute of the clock aside). */
const key = (f: Frame | null) => (f ? JSON.stringify([f.on, f.day, f.loop?.mode,
  f.loop?.slides.map((s) => [s.id, s.seconds, s.countdown])]) : 'null');

/**
 * Frames of `screenId` from the minute that holds `from`, for `minutes` minutes. Slides lose
 * their reasons (the preview's business) to keep the message small.
 */
export function framesFor(content: ContentSet, screenId: string | undefined, from: number, minutes: number): FramesReply {
  const start = Math.floor(from / MINUTE) * MINUTE;
  const segments: Segment[] = [];
  let last: string | undefined;
  const used = new Set<string>();
  for (let i = 0; i < minutes; i++) {
    const t = start + i * MINUTE;
    const frame = frameAt(content, screenId, t);
    const k = key(frame);
    if (k === last) continue;
    last = k;
    if (frame?.loop) {
      frame.loop = { ...frame.loop, slides: frame.loop.slides.map((s) => ({ ...s, reasons: [] })) };
      for (const s of frame.loop.slides) {
        if (s.item?.image) used.add(s.item.image);
        if (s.item?.qr) used.add(s.item.qr);
      }
    }
    segments.push({ from: t, frame });
  }
  const { manifest } = content;
  const assets: Record<string, string> = {};
  for (const a of manifest.assets) if (used.has(a.path)) assets[a.path] = a.url;
  return {
    version: manifest.version, from: start, until: start + minutes * MINUTE, segments,
    screens: manifest.screens.map((s) => ({ id: s.id, name: s.name })), assets, syncInterval: manifest.settings.syncInterval,
  };
}
