/**
 * What the rules remember of each prepared item between calls: the evaluation side's memo,
 * read and written by ./eligible.ts and ./rules/* only (the playlist passes it along unread).
 * When a rule says the same as last time (the usual case from one minute to the next) the same
 * reason object is handed back: few new objects, little work for the garbage collector. Reasons
 * are therefore shared between calls and read-only.
 */
import type { CalendarView } from './calendar-view.ts';
import { perItemMemo } from './per-item-memo.ts';
import type { Reason } from './reason.ts';

/** Memo slots, one per rule. */
export const SLOT = {
  status: 0, where: 1, dates: 2, seasons: 3, solarTerms: 4, festivals: 5, observances: 6,
  weekdays: 7, hours: 8, event: 9, expires: 10,
} as const;

export interface RuleMemo {
  /** The time zone everything below was decided in. */
  zone: string | undefined;
  /** The last reason per rule (see SLOT). */
  reasons: (Reason | undefined)[];
  /** The screen reasons[SLOT.where] was decided for (screens are taken as immutable, like items). */
  whereScreen: object | undefined;
  /**
   * The last list of reasons, and (for an item whose rules read the day, term, screen and
   * calendar only: Prepared.dayOnly) what it was decided for, so it can be handed back unread.
   */
  lastKey: number | undefined;
  lastScreen: object | undefined;
  lastCal: object | undefined;
  lastPreview: boolean | undefined;
  last: readonly Reason[] | undefined;
  /** Day number of the event's local start day (in `zone`). */
  startsDay: number | undefined;
}

const memos = perItemMemo<RuleMemo>(() => ({
  zone: undefined, reasons: [], whereScreen: undefined, lastKey: undefined, lastScreen: undefined,
  lastCal: undefined, lastPreview: undefined, last: undefined, startsDay: undefined,
}));

/** The rule memo of one prepared item. */
export const ruleMemoOf = memos.of;
/** The rule memos of a prepared list, index for index (one look-up per list). */
export const ruleMemosOf = memos.all;

/**
 * Clears what was remembered in another time zone. (Local dates in reasons depend on the zone
 * only; everything else a rule remembers is compared by value before it is reused.)
 */
export function forCalendar(memo: RuleMemo, cal: CalendarView): void {
  if (memo.zone === cal.timeZone) return;
  memo.zone = cal.timeZone;
  memo.reasons = [];
  memo.whereScreen = undefined;
  memo.lastKey = undefined;
  memo.last = undefined;
  memo.startsDay = undefined;
}

/** Remembers `r` as the last reason of `slot` and returns it. */
export function keep(memo: RuleMemo, slot: number, r: Reason): Reason {
  memo.reasons[slot] = r;
  return r;
}
