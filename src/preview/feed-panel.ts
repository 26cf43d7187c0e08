/**
 * The preview's feeds: each feed the root delegates (its scope, the set published now or why
 * it could not be read, and this browser's kiosk's last good version, time and last error),
 * and every item of a feed refused for falling outside its scope, with the reason. Those never
 * reach a screen; the kiosk's worker refuses them by the same rule (src/content/scope.ts).
 */
import { html, nothing } from 'lit';
import type { FetchedFeed } from '../bridge/fetch-content.ts';
import { syncMessage } from '../bridge/sync-messages.ts';
import type { WorkerState } from '../bridge/worker-state.ts';
import { localText } from '../calendar/local-text.ts';
import type { Locale } from '../content/keys.ts';
import { formatMessage } from '../content/messages.ts';
import type { FeedDelegation } from '../content/schema.ts';
import type { Refusal } from '../frame/merge-feeds.ts';
import type { CalendarView } from '../schedule/calendar-view.ts';
import { word } from './preview-words.ts';

const when = (t: number | undefined, cal: CalendarView) => (t === undefined ? '—' : `${cal.localDate(t)} ${cal.localTime(t)}`);

export function refusedList(refused: readonly Refusal[], lang: Locale) {
  if (refused.length === 0) return nothing;
  const msg = lang === 'en' ? 'en' : 'zh-Hant';
  return html`
    <section aria-labelledby="refused-h" class="refused">
      <h2 id="refused-h">${word('refused', lang)} (${refused.length})</h2>
      <p>${word('refusedNote', lang)}</p>
      <ul>${refused.map((r) => html`<li data-item=${r.id} data-code=${r.code}>
        <code>${r.id}</code>: <span class="reason">${formatMessage(r.code, { value: r.value, feed: r.feed, allowed: r.allowed }, msg)}</span>
      </li>`)}</ul>
    </section>
  `;
}

/** How many of the feed's items this browser's kiosk refuses (its worker says). */
function refusedHere(kiosk: WorkerState | undefined, feed: string, lang: Locale) {
  const n = kiosk?.refused?.filter((r) => r.feed === feed).length ?? 0;
  return n === 0 ? nothing : html` · <span class="error" data-refused=${n}>${word('refused', lang)} ${n}</span>`;
}

export function feedPanel(
  delegations: readonly FeedDelegation[], fetched: readonly FetchedFeed[] | undefined, kiosk: WorkerState | undefined,
  lang: Locale, calendar: CalendarView,
) {
  if (delegations.length === 0) return nothing;
  return html`
    <section aria-labelledby="feeds-h" class="feeds">
      <h2 id="feeds-h">${word('feeds', lang)}</h2>
      <table>
        <thead><tr>
          <th>${word('feed', lang)}</th><th>${word('scope', lang)}</th><th>${word('published', lang)}</th>
          <th>${word('sync', lang)}</th>
        </tr></thead>
        <tbody>${delegations.map((d) => {
          const f = fetched?.find((x) => x.id === d.id);
          const k = kiosk?.feeds?.[d.id];
          return html`<tr data-feed=${d.id}>
            <th scope="row">${d.name ? localText(d.name, lang) : d.id} <code>${d.id}</code></th>
            <td>${d.scope.places.map((p) => p.join(' > ')).join('; ')} · ${d.scope.priorities.join(', ')}${d.share?.max === undefined ? '' : ` · ≤ ${Math.round(d.share.max * 100)}%`}</td>
            <td class="published">${f?.version ? html`<code>${f.version.slice(0, 12)}</code> · ${f.generated}` : f?.error ? html`<span class="error">${f.error}</span>` : '—'}</td>
            <td class="kiosk">${k ? html`<code>${k.activeVersion?.slice(0, 12) ?? '—'}</code> · ${word('lastSync', lang)} ${when(k.lastSync, calendar)}${refusedHere(kiosk, d.id, lang)}${k.lastError ? html` · <span class="error">${syncMessage(k.lastError.code, lang)}${k.lastError.detail ? ` (${k.lastError.detail})` : ''}</span>` : nothing}` : word('noKioskData', lang)}</td>
          </tr>`;
        })}</tbody>
      </table>
    </section>
  `;
}
