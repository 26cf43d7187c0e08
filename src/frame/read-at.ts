/**
 * The `at` of a kiosk or preview URL, and plan's --at, read as a person types it: an ISO
 * date-time with an offset ("Z", "+08:00", "+0800"), or a bare date or date-time read in the
 * site's time zone (settings.timeZone, never the browser's). A "+" of an offset that the URL
 * turned into a space is read as the "+" it was; a space may stand for the "T".
 * @example readAt('2026-10-18T09:00:00 08:00', 'Asia/Shanghai') === Date.parse('2026-10-18T09:00:00+08:00')
 * @example readAt('2026-10-18', 'Asia/Shanghai') === Date.parse('2026-10-18T00:00:00+08:00')
 * @example readAt('tomorrow', 'Asia/Shanghai') // NaN
 */
import { zoneOffset } from '../calendar/zone.ts';

export function readAt(typed: string, timeZone: string): number {
  const m = /^(\d{4}-\d\d-(\d\d))(?:[T ](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(Z|[+ -]\d\d:?\d\d)?)?$/.exec(typed.trim().toUpperCase());
  if (!m) return NaN;
  const [, date, day, time = '00:00', z] = m;
  const t = Date.parse(`${date}T${time}${z ? z.replace(' ', '+') : 'Z'}`);
  // A date that does not exist (02-30) is not read as another. Without an offset: the wall
  // time read as UTC, moved back by the zone's offset then (asked twice: right across a change).
  return t !== t || new Date(date!).getUTCDate() !== +day! ? NaN : z ? t : t - zoneOffset(t - zoneOffset(t, timeZone), timeZone);
}
