/**
 * The schedule: which items a screen shows at an instant, in which order, for how long, and
 * why. Pure functions of (items, screen, settings, instant, calendar): no clock, no storage.
 */
export { calendarOptions, calendarView, createCalendarView, type CalendarSource, type CalendarView, type CurrentTerm } from './calendar-view.ts';
export { DEFAULT_EVENT_LEAD_DAYS, type ScheduleContext } from './context.ts';
export { countdownOf, describeCountdown, type Countdown } from './countdown.ts';
export { eligible, verdict, type Eligibility } from './eligible.ts';
export { clash, interleave, type RotationEntry } from './interleave.ts';
export {
  BUILTIN_ID, BUILTIN_SECONDS, buildPlaylist, type Excluded, type Playlist, type PlaylistMode, type PlaylistOptions, type Slide,
} from './playlist.ts';
export { reason, REASON_CODES, TRIGGER_RULES, type ParamValue, type Reason, type ReasonCode, type RuleName } from './reason.ts';
export { describeReason, describeReasons, wordsFor, type WordsOptions } from './reasons.ts';
export { screenIsOn } from './screen-hours.ts';
export { MAX_SECONDS, MIN_SECONDS, POSTER_MIN_SECONDS, readingLoad, slideSeconds } from './seconds.ts';
