/** Numbers and instants as the dashboard shows them. */
import type { Locale } from '../../content/keys.ts';
import type { LocalText } from '../../content/schema.ts';
import { localText } from '../../calendar/local-text.ts';

export const text = (t: LocalText | undefined, locale: Locale, fallback = ''): string => (t === undefined ? fallback : localText(t, locale) || fallback);

export function when(iso: string | null, locale: Locale, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(iso));
}

export function bytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

export function drift(ms: number): string {
  const s = Math.abs(ms) / 1000;
  const sign = ms < 0 ? '−' : '+';
  return s < 60 ? `${sign}${s.toFixed(1)} s` : `${sign}${Math.round(s / 60)} min`;
}

export const percent = (share: number | undefined): string => (share === undefined ? '—' : `${Math.round(share * 1000) / 10}%`);

/** YYYY-MM-DD of a Date in the site's zone. */
export function isoDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}
