/**
 * Items prepared once for evaluation: bounds parsed, hour ranges in minutes, flags. Each
 * prepared item also keeps the last reason each rule gave, so that when a rule says the same
 * as last time (the usual case from one minute to the next) the same object is handed back:
 * few new objects, little work for the garbage collector. Reasons are therefore shared
 * between calls and read-only, and items are taken as immutable: new content comes as new
 * item objects (as the loader and the sync engine make them), never as edits in place.
 */
import type { CompiledItem } from '../content/schema.ts';
import { instantOf, isDay, minutesOf } from './time-strings.ts';
import type { CalendarView } from './calendar-view.ts';
import type { Excluded, Slide } from './playlist.ts';
import type { Reason } from './reason.ts';

/** A bound as a whole local day (inclusive) or an exact instant. */
export type Bound = { day: string; at?: undefined } | { day?: undefined; at: number };

/** Memo slots, one per rule. */
export const SLOT = {
  status: 0, where: 1, dates: 2, seasons: 3, solarTerms: 4, festivals: 5, observances: 6,
  weekdays: 7, hours: 8, event: 9, expires: 10,
} as const;

export interface Prepared {
  readonly item: CompiledItem;
  readonly from?: Bound;
  readonly until?: Bound;
  readonly expires?: Bound;
  readonly hours?: { readonly minutes: readonly (readonly [number, number])[]; readonly text: readonly string[] };
  readonly event?: { readonly starts: number; readonly ends: number };
  /** Lists seasons, solar terms, festivals or observances (needs the calendar tables). */
  readonly calendarRules: boolean;
  /** Has a time condition (when, event or expires): not evergreen. */
  readonly timed: boolean;
  /** An emergency alert (priority "emergency", kind "alert"). */
  readonly emergency: boolean;
  /** `where` split into place segments and tags (without "tag:"). */
  readonly places: readonly string[];
  readonly tags: readonly string[];
  /** The last reason per rule (see SLOT) and the last list of reasons, in time zone `zone`. */
  memo: (Reason | undefined)[];
  /** The screen memo[SLOT.where] was decided for (screens are taken as immutable, like items). */
  whereScreen: object | undefined;
  /**
   * Every rule of the item reads the local day, the solar term in force, the screen and the
   * calendar only (no hours, no exact instants, no event, no term window): its reasons hold
   * for as long as those do. `lastKey` etc. say what `last` was decided for.
   */
  readonly dayOnly: boolean;
  lastKey: number | undefined;
  lastScreen: object | undefined;
  lastCal: object | undefined;
  lastPreview: boolean | undefined;
  last: readonly Reason[] | undefined;
  zone: string | undefined;
  /** Day number of the event's local start day (in `zone`). */
  startsDay: number | undefined;
  /** What the playlist made of this item last time (reused while its inputs are the same). */
  excluded: { from: readonly Reason[]; entry: Excluded } | undefined;
  slide: { from: readonly Reason[]; extra: Reason | undefined; slide: Slide } | undefined;
  seconds: { locale: string; floor: number | undefined; value: number } | undefined;
}

/**
 * Clears what was remembered in another time zone. (Local dates in reasons depend on the zone
 * only; everything else a rule remembers is compared by value before it is reused.)
 */
export function forCalendar(p: Prepared, cal: CalendarView): void {
  if (p.zone === cal.timeZone) return;
  p.zone = cal.timeZone;
  p.memo = [];
  p.whereScreen = undefined;
  p.lastKey = undefined;
  p.last = undefined;
  p.startsDay = undefined;
}

/** Remembers `r` as the last reason of `slot` and returns it. */
export function keep(p: Prepared, slot: number, r: Reason): Reason {
  p.memo[slot] = r;
  return r;
}

function bound(s: string | undefined): Bound | undefined {
  if (s === undefined) return undefined;
  return isDay(s) ? { day: s } : { at: instantOf(s) };
}

const cache = new WeakMap<CompiledItem, Prepared>();

/** The prepared form of an item (made once per item object). */
export function prepare(item: CompiledItem): Prepared {
  let p = cache.get(item);
  if (p) return p;
  const when = item.when;
  const ranges = when?.hours;
  const from = bound(when?.from);
  const until = bound(when?.until);
  const expires = bound(item.expires);
  const termWindow = !!when?.solarTerms?.length && !!(when.around?.before || when.around?.after);
  p = {
    item,
    from,
    until,
    expires,
    hours: ranges && ranges.length > 0
      ? { minutes: ranges.map((r) => [minutesOf(r.from), minutesOf(r.until)] as const), text: ranges.map((r) => `${r.from}–${r.until}`) }
      : undefined,
    event: item.event ? { starts: instantOf(item.event.starts), ends: instantOf(item.event.ends) } : undefined,
    calendarRules: !!(when?.seasons?.length || when?.solarTerms?.length || when?.festivals?.length || when?.observances?.length),
    timed: when !== undefined || item.event !== undefined || item.expires !== undefined,
    emergency: item.priority === 'emergency' && item.kind === 'alert',
    places: item.where?.filter((w) => !w.startsWith('tag:')) ?? [],
    tags: item.where?.filter((w) => w.startsWith('tag:')).map((w) => w.slice(4)) ?? [],
    memo: [],
    whereScreen: undefined,
    dayOnly: !ranges?.length && !item.event && from?.at === undefined && until?.at === undefined && expires?.at === undefined && !termWindow,
    lastKey: undefined,
    lastScreen: undefined,
    lastCal: undefined,
    lastPreview: undefined,
    last: undefined,
    zone: undefined,
    startsDay: undefined,
    excluded: undefined,
    slide: undefined,
    seconds: undefined,
  };
  cache.set(item, p);
  return p;
}

const lists = new WeakMap<readonly CompiledItem[], Prepared[]>();

/** The prepared form of every item of a list (one look-up when the same list comes again). */
export function prepareAll(items: readonly CompiledItem[]): readonly Prepared[] {
  let list = lists.get(items);
  let same = list !== undefined && list.length === items.length;
  for (let i = 0; same && i < items.length; i++) same = list![i]!.item === items[i];
  if (!same) {
    list = items.map(prepare);
    lists.set(items, list);
  }
  return list!;
}

/** Whether the instant (local day `today`) is on or after the bound. */
export function afterStart(b: Bound, instant: number, today: string): boolean {
  return b.day !== undefined ? today >= b.day : instant >= b.at;
}

/** Whether the instant (local day `today`) is on or before the bound. */
export function beforeEnd(b: Bound, instant: number, today: string): boolean {
  return b.day !== undefined ? today <= b.day : instant <= b.at;
}

