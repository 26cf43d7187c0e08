/**
 * Items prepared once for evaluation: bounds parsed, hour ranges in minutes, flags. A prepared
 * item is immutable and holds only what it derives from its item; what the rules and the
 * playlist remember between calls is kept beside it, each by its own part (./rule-memo.ts,
 * ./playlist.ts). Items are taken as immutable too: new content comes as new item objects (as
 * the loader and the sync engine make them), never as edits in place.
 */
import type { CompiledItem } from '../content/schema.ts';
import { instantOf, isDay, minutesOf } from './time-strings.ts';

/** A bound as a whole local day (inclusive) or an exact instant. */
export type Bound = { day: string; at?: undefined } | { day?: undefined; at: number };

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
  /**
   * Every rule of the item reads the local day, the solar term in force, the screen and the
   * calendar only (no hours, no exact instants, no event, no term window): its reasons hold
   * for as long as those do.
   */
  readonly dayOnly: boolean;
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
    dayOnly: !ranges?.length && !item.event && from?.at === undefined && until?.at === undefined && expires?.at === undefined && !termWindow,
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

