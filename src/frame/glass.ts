/**
 * What ui/ draws with from below the frame layer, in one place: the components import the
 * frame layer and the content model only, never the schedule or the calendar themselves (a
 * dependency rule in .dependency-cruiser.cjs). Frames are plain data; these are the few pure
 * helpers that turn them into words on the glass at the instant the page reads its clock.
 */
export { localText } from '../calendar/local-text.ts';
export { localDate, localTime } from '../calendar/zone.ts';
export { BUILTIN_ID } from '../schedule/builtin-id.ts';
export { describeCountdown, type Countdown } from '../schedule/countdown.ts';
export type { Slide } from '../schedule/playlist.ts';
