/**
 * Calendar look-ups for the screen and the tools: pure functions of a date or instant, a time
 * zone and the decoded tables. See tables.ts for the shipped encoding.
 */
export type { CalendarOptions, DayFacts, InstantFacts, LunarDate, TermInstant } from './types.ts';
export {
  decodeTables, sliceTables, type CalendarNames, type CalendarTables, type CalendarTablesJson, type CalendarWords,
} from './tables.ts';
export { addDays, dateOfDay, dayNumber, daysInMonth, isoWeekday } from './days.ts';
export { isoInZone, localDate, localTime, zonedInstant, zoneOffset } from './zone.ts';
export { lunarDate, lunarDay, type LunarDay } from './lunar.ts';
export { termAt, termOnDay, termsOfYear } from './terms.ts';
export { seasonAt, seasonOfTerm } from './seasons.ts';
export { festivalsOn } from './festivals.ts';
export { BUILT_IN_OBSERVANCES, observancesOn, ruleMatches, type DayRule } from './observances.ts';
export {
  calendarNames, festivalName, formatLunar, localText, observanceName, seasonName, termName,
} from './names.ts';
export { lunarLabel, wordsIn } from './calendar-words.ts';
export { dayFacts, instantFacts } from './facts.ts';
