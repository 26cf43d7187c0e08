/**
 * Instants ↔ local wall time in an IANA time zone, through Intl.DateTimeFormat (Gregorian only;
 * never the Chinese calendar of Intl, see TOOLCHAIN.md). One formatter per zone is cached:
 * building one costs far more than formatting with it.
 */
import { DAY_MS, dayNumber } from './days.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // 'en-US' + h23 gives ASCII digits and hours 00–23 (some engines print "24" at midnight
    // with hour12: false).
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall clock of an instant in a zone, as [year, month, day, hour, minute, second]. */
function wall(instant: number, timeZone: string): number[] {
  const out = [0, 0, 0, 0, 0, 0];
  for (const p of formatter(timeZone).formatToParts(instant)) {
    const i = ['year', 'month', 'day', 'hour', 'minute', 'second'].indexOf(p.type);
    if (i >= 0) out[i] = Number(p.value);
  }
  return out;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Offset of a zone from UTC at an instant, in milliseconds (east positive).
 * @example zoneOffset(Date.UTC(2026, 0, 1), 'Asia/Shanghai') // 28_800_000
 */
export function zoneOffset(instant: number, timeZone: string): number {
  const [y, mo, d, h, mi, s] = wall(instant, timeZone) as [number, number, number, number, number, number];
  // The wall clock has whole seconds; compare it with the instant cut to whole seconds.
  return Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(instant / 1000) * 1000;
}

/**
 * The local date ("YYYY-MM-DD") of an instant in a time zone.
 * @example localDate(Date.UTC(2026, 9, 17, 16), 'Asia/Shanghai') // '2026-10-18'
 */
export function localDate(instant: number, timeZone: string): string {
  const [y, mo, d] = wall(instant, timeZone) as [number, number, number];
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
}

/**
 * The local time ("HH:mm", 00:00–23:59) of an instant in a time zone.
 * @example localTime(Date.UTC(2026, 9, 18, 1), 'Asia/Shanghai') // '09:00'
 */
export function localTime(instant: number, timeZone: string): string {
  const w = wall(instant, timeZone);
  return `${pad(w[3] ?? 0)}:${pad(w[4] ?? 0)}`;
}

/**
 * An instant as ISO 8601 with the zone's offset, to the second.
 * @example isoInZone(Date.UTC(2026, 9, 23, 9, 38), 'Asia/Shanghai') // '2026-10-23T17:38:00+08:00'
 */
export function isoInZone(instant: number, timeZone: string): string {
  const off = Math.round(zoneOffset(instant, timeZone) / 60_000);
  const [y, mo, d, h, mi, s] = wall(instant, timeZone) as [number, number, number, number, number, number];
  const a = Math.abs(off);
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}` +
    `${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/**
 * The instant (UTC ms) of a local wall time in a time zone. "24:00" is the end of the day (the
 * next day's 00:00). Like Temporal's "compatible" disambiguation: a time repeated when clocks go
 * back is its first occurrence; a time skipped when clocks go forward is read with the offset
 * from before the change (02:30 on a spring-forward night becomes 03:30).
 * @example zonedInstant('2026-03-08', '02:30', 'America/New_York') === Date.UTC(2026, 2, 8, 7, 30)
 */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59 || (m[1] === '24' && m[2] !== '00')) {
    throw new RangeError(`not a time "HH:mm": ${time}`);
  }
  // The wall time read as if it were UTC; the real instant is that minus the zone's offset.
  const asUtc = dayNumber(date) * DAY_MS + (Number(m[1]) * 60 + Number(m[2])) * 60_000 +
    Number(m[3] ?? 0) * 1000;
  // Offsets in force a day either side cover every real-world transition (never two a day).
  const before = zoneOffset(asUtc - DAY_MS, timeZone);
  const after = zoneOffset(asUtc + DAY_MS, timeZone);
  if (before === after) return asUtc - before;
  const fits = [asUtc - before, asUtc - after]
    .filter((t) => t - asUtc === -zoneOffset(t, timeZone))
    .sort((a, b) => a - b);
  return fits[0] ?? asUtc - before;
}
