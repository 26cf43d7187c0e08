/**
 * CSV for spreadsheets (the fleet's proof-of-play export and the preview's planned loop, in
 * the same columns: PLAY_COLUMNS; the fleet's availability export): UTF-8 with a byte-order mark (so Excel opens the Chinese), CRLF lines,
 * every field quoted when it needs it, and a leading = + - @ neutralised (formula injection).
 */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n']/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(header: string[], rows: (string | number)[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The columns of a plays export, played (fleet) or planned (preview): one row per day, screen and item. */
export const PLAY_COLUMNS = ['date', 'screen', 'item', 'title', 'kind', 'plays', 'completed', 'seconds'];

/**
 * The columns of the fleet's availability export: one row per day and screen; the minutes of its
 * hours that day, those it reported, and their share in percent (empty on a day without hours).
 */
export const AVAILABILITY_COLUMNS = ['date', 'screen', 'name', 'minutes_on', 'minutes_reported', 'availability_percent'];
