/**
 * The sync status of this browser's own kiosk, for staff who preview on the screen box itself
 * or check a kiosk profile: content version, last sync, last error. The state comes from the
 * kiosk's service worker through the bridge (src/bridge/worker-state.ts).
 */
import { html } from 'lit';
import type { Locale } from '../content/keys.ts';
import type { WorkerState } from '../bridge/worker-state.ts';
import { syncMessage } from '../bridge/sync-messages.ts';
import type { CalendarView } from '../schedule/calendar-view.ts';
import { word } from './preview-words.ts';

/** An instant in the site's time zone (not the browser's), as "YYYY-MM-DD HH:mm". */
const when = (t: number | undefined, cal: CalendarView) => (t === undefined ? '—' : `${cal.localDate(t)} ${cal.localTime(t)}`);

/** `calendar`: the content's, in the site's time zone (settings.timeZone). */
export function kioskStatus(state: WorkerState | undefined, publishedVersion: string, lang: Locale, calendar: CalendarView) {
  if (!state) return html`<p>${word('noKioskData', lang)}</p>`;
  const current = state.activeVersion === publishedVersion;
  return html`
    <dl>
      <dt>${word('version', lang)}</dt>
      <dd><code>${state.activeVersion?.slice(0, 12) ?? '—'}</code> ${current ? word('upToDate', lang) : word('behind', lang)}</dd>
      <dt>${word('lastSync', lang)}</dt><dd>${when(state.lastSync, calendar)}</dd>
      <dt>${word('lastAttempt', lang)}</dt><dd>${when(state.lastAttempt, calendar)}</dd>
      <dt>${word('lastError', lang)}</dt>
      <dd>${state.lastError ? `${syncMessage(state.lastError.code, lang)}${state.lastError.detail ? ` (${state.lastError.detail})` : ''}` : word('none', lang)}</dd>
    </dl>
  `;
}
