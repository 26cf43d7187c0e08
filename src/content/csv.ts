/**
 * CSV for spreadsheets (the fleet's proof-of-play export and the preview's planned loop, in
 * the same columns: PLAY_COLUMNS): UTF-8 with a byte-order mark (so Excel opens the Chinese), CRLF lines,
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
