/**
 * A screen's frames for a stretch of time, as the service worker sends them to the page: the
 * frame of each minute (day, hour and "HH:mm" rules change on the minute), and of each exact
 * instant an item names (a `from`, `until`, `expires` or event time with seconds), with runs
 * of equal frames merged into one timed frame. The page then needs neither the schedule nor the
 * calendar: it looks up the timed frame of the instant and plays slideAt(loop, t) in it.
 *
 * @example framesFor(content, 'lvyuan-gate', Date.parse('2026-10-18T09:00:00+08:00'), 60).frames.length // 1
 */
import type { CompiledItem, Screen } from '../content/schema.ts';
import { instantOf, isDay } from '../schedule/time-strings.ts';
import type { ContentSet } from './content-set.ts';
import { type Frame, frameAt } from './frame-at.ts';

export const MINUTE = 60_000;

export interface TimedFrame {
  /** From this instant up to the next timed frame's `from` (or the reply's `until`). */
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
  frames: TimedFrame[];
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
  const end = start + minutes * MINUTE;
  const frames: TimedFrame[] = [];
  let last: string | undefined;
  const used = new Set<string>();
  for (const t of instantsToPlan(content.items, start, end)) {
    const frame = frameAt(content, screenId, t);
    const k = key(frame);
    if (k === last) continue;
    last = k;
    if (frame?.loop) {
      frame.loop = { ...frame.loop, slides: frame.loop.slides.map((s) => ({ ...s, reasons: [] })) };
      for (const s of frame.loop.slides) {
        for (const path of [s.item?.image, s.item?.qr, s.item?.poster, s.item?.video]) if (path) used.add(path);
      }
    }
    frames.push({ from: t, frame });
  }
  const { manifest } = content;
  const assets: Record<string, string> = {};
  for (const a of manifest.assets) if (used.has(a.path)) assets[a.path] = a.url;
  return {
    version: manifest.version, from: start, until: end, frames,
    screens: manifest.screens.map((s) => ({ id: s.id, name: s.name })), assets, syncInterval: manifest.settings.syncInterval,
  };
}

/**
 * The instants in [start, end) at which a frame may change, in order: every minute, and each
 * exact instant an item names off the minute (where a rule turns: the instant itself for a
 * start, the millisecond after for an inclusive end).
 */
function instantsToPlan(items: readonly CompiledItem[], start: number, end: number): number[] {
  const at = new Set<number>();
  for (let t = start; t < end; t += MINUTE) at.add(t);
  const add = (iso: string | undefined, after: number) => {
    if (iso === undefined || isDay(iso)) return;
    const t = instantOf(iso) + after;
    if (t > start && t < end && t % MINUTE !== 0) at.add(t);
  };
  for (const item of items) {
    add(item.when?.from, 0);
    add(item.when?.until, 1);
    add(item.expires, 1);
    add(item.event?.starts, 0);
    add(item.event?.ends, 0);
  }
  return [...at].sort((a, b) => a - b);
}
