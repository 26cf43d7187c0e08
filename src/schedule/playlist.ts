/**
 * The playlist: the loop a screen plays at an instant (mode, ordered slides, seconds) and every
 * item left out with its reasons. The rules' verdicts come from ./eligible.ts; what the
 * playlist makes of each item (its slide, its excluded entry, its seconds) it remembers itself,
 * beside the prepared item, so an unchanged item costs no new objects at the next re-plan.
 */
import type { Kind, Locale } from '../content/keys.ts';
import { localeOf } from '../content/defaults.ts';
import { BUILTIN_ID } from './builtin-id.ts';
import type { CompiledItem, Screen, Settings } from '../content/schema.ts';
import type { ScheduleContext } from './context.ts';
import { countdownOf, type Countdown } from './countdown.ts';
import { reasonsAt, verdict } from './eligible.ts';
import { momentAt } from './moment.ts';
import { perItemMemo } from './per-item-memo.ts';
import { prepareAll, type Prepared } from './prepared.ts';
import { interleave } from './interleave.ts';
import { capShares } from './share.ts';
import { reason, type Reason } from './reason.ts';
import { ruleMemosOf } from './rule-memo.ts';
import { slideSeconds } from './seconds.ts';

/** One slide of a loop. The same item may appear twice (priority "high"). */
export interface Slide {
  /** The item id, or "builtin/today" for the built-in calendar card. */
  id: string;
  kind: Kind;
  seconds: number;
  /** Why it is on: the rules it passed (plus priority or fallback notes). Read-only, shared. */
  reasons: readonly Reason[];
  item?: CompiledItem;
  countdown?: Countdown;
}

/**
 * - loop: the eligible items, at least one of which has a time condition (when, event, expires);
 * - emergency: an active emergency alert replaces the loop (only emergency alerts play);
 * - evergreen: nothing with a time condition is eligible, the loop is the evergreen items
 *   (no when/event/expires, published, matching where);
 * - builtin: nothing at all, one built-in card (date, lunar date, solar term and its health tip).
 */
export type PlaylistMode = 'loop' | 'emergency' | 'evergreen' | 'builtin';

/** An item left out and why (read-only; shared between calls while it does not change). */
export interface Excluded {
  id: string;
  reasons: readonly Reason[];
}

/**
 * A screen's loop at one instant. Treat it as read-only: unchanged slides, reasons and excluded
 * entries are the same objects from one call to the next (that keeps re-planning cheap).
 */
export interface Playlist {
  mode: PlaylistMode;
  /** Never empty. */
  slides: Slide[];
  totalSeconds: number;
  /** Every item left out, sorted by id, with the reasons that kept it out. */
  excluded: Excluded[];
}

export interface PlaylistOptions {
  /** The locale whose text length sets the seconds (default: localeOf(settings, screen), ../content/defaults.ts). */
  locale?: Locale;
  /** Staff preview: drafts are included (marked as drafts). */
  preview?: boolean;
  /** false: leave `excluded` empty (a screen plays the loop and needs no reasons for the rest). */
  excluded?: boolean;
}

export { BUILTIN_ID };
/** Seconds of the built-in card (it is alone in its loop). */
export const BUILTIN_SECONDS = 60;

/**
 * The loop `screen` plays at `instant`: a pure function of its inputs (same inputs, same slides).
 * @example buildPlaylist(items, screen, settings, Date.parse('2026-10-18T09:00:00+08:00'), { calendar })
 */
export function buildPlaylist(
  items: readonly CompiledItem[], screen: Screen, settings: Settings, instant: number,
  ctx: ScheduleContext, opts: PlaylistOptions = {},
): Playlist {
  const context: ScheduleContext = { ...ctx, settings, preview: opts.preview ?? ctx.preview };
  const locale = opts.locale ?? localeOf(settings, screen);
  const moment = momentAt(ctx.calendar, instant);
  const list = prepareAll(items);
  const rules = ruleMemosOf(list);
  const mine = memos.all(list);
  const passed: Prepared[] = [];
  const passedMemos: PlaylistMemo[] = [];
  const passedReasons: (readonly Reason[])[] = [];
  const excluded: Excluded[] = [];
  let timed = false;
  let emergencies = 0;
  const why = opts.excluded !== false;
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    const reasons = reasonsAt(p, rules[i]!, screen, moment, context);
    if (verdict(reasons)) {
      passed.push(p);
      passedMemos.push(mine[i]!);
      passedReasons.push(reasons);
      if (p.timed) timed = true;
      if (p.emergency) emergencies++;
    } else if (why) {
      excluded.push(excludedEntry(p, mine[i]!, reasons));
    }
  }
  const mode: PlaylistMode = emergencies > 0 ? 'emergency' : timed ? 'loop' : 'evergreen';
  const chosen: Slide[] = [];
  const twice = new Set<Slide>();
  // An "emergency" that is not an alert cannot take over the screen; it plays as "high".
  // Two copies need a loop of 4 slides or more to stand apart (see ./interleave.ts).
  let highs = 0;
  if (mode !== 'emergency') for (const p of passed) if (isHigh(p)) highs++;
  const doubled = passed.length + highs >= 4;
  for (let i = 0; i < passed.length; i++) {
    const p = passed[i]!;
    const item = p.item;
    if (mode === 'emergency' && !p.emergency) {
      if (why) excluded.push({ id: item.id, reasons: [OVERRIDDEN] });
      continue;
    }
    const high = mode !== 'emergency' && doubled && isHigh(p);
    const extra = mode === 'emergency' ? EMERGENCY : high ? HIGH : mode === 'evergreen' ? EVERGREEN : undefined;
    const memo = passedMemos[i]!;
    const slide = slideFor(p, memo, passedReasons[i]!, secondsOf(p, memo, locale, settings.slideSeconds), extra);
    chosen.push(slide);
    if (high) twice.add(slide);
  }
  // Share of voice: a feed over its cap gives way (./share.ts); emergencies are never capped.
  if (mode !== 'emergency' && settings.feeds?.some((f) => f.share?.max !== undefined)) {
    const capped = capShares(chosen, twice, settings.feeds);
    if (capped.dropped.length > 0) {
      chosen.splice(0, chosen.length, ...capped.kept);
      if (why) {
        for (const { slide, feed, max } of capped.dropped) {
          excluded.push({ id: slide.id, reasons: [reason('share', false, 'share-cap', { feed, max: Math.round(max * 100) })] });
        }
      }
    }
  }
  if (chosen.length === 0) {
    return { mode: 'builtin', slides: [BUILTIN_SLIDE], totalSeconds: BUILTIN_SECONDS, excluded: sortedById(excluded) };
  }
  const slides = ordered(screen, chosen, twice);
  let totalSeconds = 0;
  for (const s of slides) totalSeconds += s.seconds;
  return { mode, slides, totalSeconds, excluded: sortedById(excluded) };
}

const OVERRIDDEN = Object.freeze(reason('priority', false, 'emergency-override'));
const EMERGENCY = Object.freeze(reason('priority', true, 'emergency'));
const HIGH = Object.freeze(reason('priority', true, 'high'));
const EVERGREEN = Object.freeze(reason('fallback', true, 'evergreen'));
const BUILTIN_SLIDE: Slide = Object.freeze({
  id: BUILTIN_ID, kind: 'notice', seconds: BUILTIN_SECONDS, reasons: Object.freeze([reason('fallback', true, 'builtin')]),
});

const orders = new WeakMap<Screen, { chosen: readonly Slide[]; slides: Slide[] }>();

/**
 * The loop order (see ./interleave.ts), remembered per screen: the same slides in, the same
 * order out, without interleaving again. (Whether a slide comes twice is part of the slide.)
 */
function ordered(screen: Screen, chosen: readonly Slide[], twice: ReadonlySet<Slide>): Slide[] {
  const last = orders.get(screen);
  if (last && last.chosen.length === chosen.length && last.chosen.every((s, i) => s === chosen[i])) return last.slides.slice();
  const slides = interleave(chosen, (s) => twice.has(s));
  orders.set(screen, { chosen, slides });
  return slides.slice();
}

/** What the playlist made of an item last time (reused while its inputs are the same). */
interface PlaylistMemo {
  excluded: { from: readonly Reason[]; entry: Excluded } | undefined;
  slide: { from: readonly Reason[]; extra: Reason | undefined; slide: Slide } | undefined;
  seconds: { locale: string; floor: number | undefined; value: number } | undefined;
}

const memos = perItemMemo<PlaylistMemo>(() => ({ excluded: undefined, slide: undefined, seconds: undefined }));

/** The excluded entry of an item: its failing reasons (the same object while they do not change). */
function excludedEntry(p: Prepared, memo: PlaylistMemo, reasons: readonly Reason[]): Excluded {
  if (memo.excluded?.from === reasons) return memo.excluded.entry;
  const entry: Excluded = { id: p.item.id, reasons: reasons.some(isOk) ? reasons.filter(isNotOk) : reasons };
  memo.excluded = { from: reasons, entry };
  return entry;
}

/** Seconds of an item's slide, remembered per locale and floor. */
function secondsOf(p: Prepared, memo: PlaylistMemo, locale: Locale, floor: number | undefined): number {
  const s = memo.seconds;
  if (s && s.locale === locale && s.floor === floor) return s.value;
  const value = slideSeconds(p.item, locale, floor);
  memo.seconds = { locale, floor, value };
  return value;
}

/** The slide of an eligible item (the same object while reasons, seconds and note do not change). */
function slideFor(p: Prepared, memo: PlaylistMemo, reasons: readonly Reason[], seconds: number, extra: Reason | undefined): Slide {
  const hit = memo.slide;
  if (hit && hit.from === reasons && hit.extra === extra && hit.slide.seconds === seconds) return hit.slide;
  const item = p.item;
  const shown = reasons.every(isOk) ? reasons : reasons.filter(isOk);
  const slide: Slide = {
    id: item.id, kind: item.kind, seconds, item,
    reasons: extra === undefined ? shown : extra === EMERGENCY ? [extra, ...shown] : [...shown, extra],
  };
  const countdown = item.event ? countdownOf(reasons) : undefined;
  if (countdown) slide.countdown = countdown;
  memo.slide = { from: reasons, extra, slide };
  return slide;
}

function isHigh(p: Prepared): boolean {
  return p.item.priority === 'high' || p.item.priority === 'emergency';
}

function isOk(r: Reason): boolean {
  return r.ok;
}

function isNotOk(r: Reason): boolean {
  return !r.ok;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Sorted by id; items usually arrive sorted, so check before sorting. */
function sortedById<T extends { id: string }>(list: T[]): T[] {
  for (let i = 1; i < list.length; i++) if (byId(list[i - 1]!, list[i]!) > 0) return list.sort(byId);
  return list;
}
