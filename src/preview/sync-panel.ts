/**
 * The sync status of this browser's own kiosk data (IndexedDB), for staff who preview on the
 * screen box itself or check a kiosk profile: content version, last sync, last error.
 */
import { html } from 'lit';
import type { Locale } from '../content/keys.ts';
import type { SyncState } from '../sync/store/db-schema.ts';
import { createContentStore } from '../sync/store/content-store.ts';
import { openStore } from '../sync/store/open-store.ts';
import { syncMessage } from '../sync/sync-messages.ts';
import { word } from './preview-words.ts';

/** The stored sync state, or undefined where this browser never ran the kiosk. */
export async function readKioskState(): Promise<SyncState | undefined> {
  try {
    const db = await openStore();
    try {
      const state = await createContentStore(db).state();
      return state.activeVersion || state.lastAttempt ? state : undefined;
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

const when = (t: number | undefined, lang: Locale) =>
  t === undefined ? '—' : new Date(t).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });

export function kioskStatus(state: SyncState | undefined, publishedVersion: string, lang: Locale) {
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
