/** The calendar facts of the chosen instant: season, solar term, lunar date, festivals, observances. */
import { html } from 'lit';
import { festivalName, formatLunar, observanceName, seasonName, termName } from '../calendar/names.ts';
import type { InstantFacts } from '../calendar/types.ts';
import type { Locale } from '../content/keys.ts';
import type { Settings } from '../content/schema.ts';
import { word } from './preview-words.ts';

export function calendarPanel(f: InstantFacts, lang: Locale, settings: Settings) {
  const list = (xs: string[]) => (xs.length ? xs.join('、') : word('none', lang));
  return html`
    <section aria-labelledby="cal-h" class="calendar">
      <h2 id="cal-h">${word('calendar', lang)}</h2>
      <dl>
        <dt>${word('date', lang)}</dt><dd>${f.date} ${f.time}</dd>
        <dt>${word('season', lang)}</dt><dd>${seasonName(f.season, lang)}</dd>
        <dt>${word('solarTerm', lang)}</dt><dd>${termName(f.currentTerm.key, lang)} → ${termName(f.currentTerm.next.key, lang)}</dd>
        <dt>${word('lunar', lang)}</dt><dd>${formatLunar(f.lunar, lang)}</dd>
        <dt>${word('festivals', lang)}</dt><dd>${list(f.festivals.map((k) => festivalName(k, lang)))}</dd>
        <dt>${word('observances', lang)}</dt><dd>${list(f.observances.map((k) => observanceName(k, lang, settings.observances)))}</dd>
      </dl>
    </section>
  `;
}
