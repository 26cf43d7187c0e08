import { addDays } from '../../src/calendar/days.ts';
import { zonedInstant } from '../../src/calendar/zone.ts';

/**
 * A `when`/`expires` bound as an instant: a date-time as written, or a "YYYY-MM-DD" day taken
 * in the settings' zone, at its first moment ('start') or just after its last ('end').
 */
export function toInstant(value: string, timeZone: string, edge: 'start' | 'end'): number {
  if (value.length > 10) return Date.parse(value);
  return zonedInstant(edge === 'start' ? value : addDays(value, 1), '00:00', timeZone);
}
