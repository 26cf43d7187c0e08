/**
 * The sync status of this browser's own kiosk, for staff who preview on the screen box itself
 * or check a kiosk profile: content version, last sync, last error. The state comes from the
 * kiosk's service worker through the bridge (src/bridge/worker-state.ts).
 */
import { html } from 'lit';
import type { Locale } from '../content/keys.ts';
import type { WorkerState } from '../bridge/worker-state.ts';
import { syncMessage } from '../bridge/sync-messages.ts';
import { word } from './preview-words.ts';

const when = (t: number | undefined, lang: Locale) =>
  t === undefined ? '—' : new Date(t).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });

export function kioskStatus(state: WorkerState | undefined, publishedVersion: string, lang: Locale) {
  if (!state) return html`<p>${word('noKioskData', lang)}</p>`;
  const current = state.activeVersion === publishedVersion;
  return html`
    <dl>
      <dt>${word('version', lang)}</dt>
      <dd><code>${state.activeVersion?.slice(0, 12) ?? '—'}</code> ${current ? word('upToDate', lang) : word('behind', lang)}</dd>
      <dt>${word('lastSync', lang)}</dt><dd>${when(state.lastSync, lang)}</dd>
      <dt>${word('lastAttempt', lang)}</dt><dd>${when(state.lastAttempt, lang)}</dd>
      <dt>${word('lastError', lang)}</dt>
      <dd>${state.lastError ? `${syncMessage(state.lastError.code, lang)} (${state.lastError.detail})` : word('none', lang)}</dd>
    </dl>
  `;
}
