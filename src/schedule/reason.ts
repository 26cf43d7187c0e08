/**
 * Why an item is on a screen or not, as data. Every rule that applies to an item gives one
 * Reason, passed or failed; ./reasons.ts turns them into words (zh-Hant, zh-Hans, en).
 *
 * @example { rule: 'dates', ok: false, code: 'outside-dates', params: { from: '2026-10-15', until: '2026-10-25' } }
 */

/** The rule a reason is about. */
export type RuleName =
  | 'status' | 'where' | 'dates' | 'seasons' | 'solarTerms' | 'festivals' | 'observances'
  | 'weekdays' | 'hours' | 'event' | 'expires' | 'always' | 'priority' | 'fallback' | 'calendar' | 'share';

/** The rules of which any one matching is enough (when an item lists several of them). */
export const TRIGGER_RULES: ReadonlySet<RuleName> = new Set<RuleName>(['solarTerms', 'festivals', 'observances']);

/** Every reason code, passed (first) or failed, by rule. */
export const REASON_CODES = [
  'draft',                                                        // status (drafts only)
  'where-place', 'where-tag', 'feed-scope', 'where-elsewhere', 'feed-elsewhere', 'feed-not-named', // where
  'within-dates', 'outside-dates',                                // dates
  'in-season', 'out-of-season',                                   // seasons
  'in-term', 'not-in-term',                                       // solarTerms
  'festival', 'no-festival',                                      // festivals
  'observance', 'no-observance',                                  // observances
  'on-weekday', 'wrong-weekday',                                  // weekdays
  'in-hours', 'outside-hours',                                    // hours
  'event-upcoming', 'event-today', 'event-running', 'event-too-early', 'event-ended', // event
  'not-expired', 'expired',                                       // expires
  'always',                                                       // no rule at all
  'high', 'emergency', 'emergency-override',                      // priority
  'evergreen', 'builtin',                                         // fallback
  'no-calendar',                                                  // calendar tables do not cover the day
  'share-cap',                                                    // share: the feed is over its share of the loop
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** A parameter value: text, a number, or a list of them. */
export type ParamValue = string | number | readonly string[] | readonly number[];

/** One rule's verdict on one item. Params are data (keys, local dates "YYYY-MM-DD[ HH:mm]", counts). */
export interface Reason {
  rule: RuleName;
  ok: boolean;
  code: ReasonCode;
  params: Readonly<Record<string, ParamValue>>;
}

/** Builds a Reason (params default to {}). */
export function reason(rule: RuleName, ok: boolean, code: ReasonCode, params: Record<string, ParamValue> = {}): Reason {
  return { rule, ok, code, params };
}
