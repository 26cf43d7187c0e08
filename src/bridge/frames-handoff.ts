/**
 * Frames handed from a page to the page that replaces it: an app update reloads the kiosk at a
 * slide boundary, and the new page must land on the slide, not on the loading page and a fade
 * from black (the worker's first answer takes a moment). The old page leaves its frames in
 * sessionStorage (it survives a reload of the tab, not a restart); the new one takes them once.
 */
import type { FramesReply } from '../frame/frames-for.ts';

const KEY = 'science-window:frames';
/**
 * The shape of the frames handed over. The page before is the OLD app: bump this whenever
 * FramesReply or Frame (src/frame/) changes shape, so that a new page never draws old frames.
 */
export const HANDOFF_FORMAT = 1;

/** Leaves `reply` for the next page of this tab (quietly nothing if storage refuses it). */
export function saveHandoff(storage: Pick<Storage, 'setItem'>, screen: string | undefined, reply: FramesReply | undefined): void {
  if (!reply) return;
  try {
    storage.setItem(KEY, JSON.stringify({ format: HANDOFF_FORMAT, screen: screen ?? null, reply }));
  } catch {
    /* full or disabled: the new page shows the loading page for a moment, as before */
  }
}

/** The frames the page before left for `screen`, if they cover `now`; they are taken only once. */
export function takeHandoff(storage: Pick<Storage, 'getItem' | 'removeItem'>, screen: string | undefined, now: number): FramesReply | undefined {
  try {
    const text = storage.getItem(KEY);
    if (text === null) return undefined;
    storage.removeItem(KEY);
    const { format, screen: s, reply } = JSON.parse(text) as { format?: number; screen: string | null; reply: FramesReply };
    const fits = format === HANDOFF_FORMAT && s === (screen ?? null) && Array.isArray(reply?.frames) && reply.frames.length > 0 && now >= reply.from && now < reply.until;
    return fits ? reply : undefined;
  } catch {
    return undefined;
  }
}
