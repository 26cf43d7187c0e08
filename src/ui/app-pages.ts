/** The pages <kiosk-app> shows instead of slides: loading, the screen list, screen hours over. */
import { html } from 'lit';
import { localText } from '../frame/glass.ts';
import type { Locale } from '../content/keys.ts';
import type { Screen } from '../content/schema.ts';
import type { Words } from '../frame/words.ts';

/** No content yet: a calm page with the clock. */
export const loadingPage = (w: Words, time: string) =>
  html`<div class="page"><time>${time}</time><p>${w.loading}</p></div>`;

/** No such screen (or none asked for): every screen in the content, each a link. */
export function screensPage(w: Words, locale: Locale, screens: readonly Pick<Screen, 'id' | 'name'>[], id: string | undefined) {
  const asked = id === undefined ? '' : w.unknown.replace('{id}', id);
  return html`<div class="page list"><h1>${w.screens}</h1><p>${asked}${screens.length ? w.pick : w.none}</p>
<ul>${screens.map((s) => html`<li><a href="?screen=${encodeURIComponent(s.id)}">${localText(s.name, locale)}</a> <span>${s.id}</span></li>`)}</ul></div>`;
}

/** Outside the screen hours: a dim clock on black that drifts (against burn-in). */
export const offPage = (time: string) => html`<div class="off"><div><time>${time}</time></div></div>`;
