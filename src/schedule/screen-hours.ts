import type { Screen, Settings } from '../content/schema.ts';
import { inTimeRange, minutesOf } from './time-strings.ts';
import type { ScheduleContext } from './context.ts';

/**
 * Whether the screen should be lit at `instant`: screen.hours, else settings.hours; absent =
 * always on. "on"–"off" are local "HH:mm"; off before on (18:00–02:00) wraps past midnight,
 * and the hours after midnight belong to the day the screen came on (for `weekdays`).
 * @example screenIsOn(screen, settings, Date.parse('2026-10-18T23:00:00+08:00'), ctx) // false for 06:30–22:00
 */
export function screenIsOn(screen: Screen, settings: Settings, instant: number, ctx: ScheduleContext): boolean {
  const hours = screen.hours ?? settings.hours;
  if (!hours) return true;
  const cal = ctx.calendar;
  const minute = minutesOf(cal.localTime(instant));
  const on = minutesOf(hours.on);
  const off = minutesOf(hours.off);
  if (!inTimeRange(minute, on, off)) return false;
  const days = hours.weekdays;
  if (!days || days.length === 0) return true;
  const today = cal.localDate(instant);
  const sessionDay = on > off && minute < off ? cal.addDays(today, -1) : today;
  return days.includes(cal.isoWeekday(sessionDay));
}
