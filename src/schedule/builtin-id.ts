/** Id of the built-in card shown when nothing else is eligible (its own module: the page reads it without the schedule). */
export const BUILTIN_ID = 'builtin/today';
