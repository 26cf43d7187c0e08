/** The loop strip, the list of items not on air with their reasons, and the build problems. */
import { html, nothing } from 'lit';
import type { ContentSet } from '../frame/content-set.ts';
import { localText } from '../calendar/names.ts';
import type { Locale } from '../content/keys.ts';
import type { Excluded, Playlist } from '../schedule/playlist.ts';
import { describeReasons, type WordsOptions } from '../schedule/reasons.ts';
import { messageLang } from '../content/messages.ts';
import { formatProblem, type Problem } from '../content/problem.ts';
import { modeWord, word } from './preview-words.ts';
import { slideThumb, type ThumbContext } from './slide-thumb.ts';

/** Build problems of the content folder (dev server): errors in red on top, warnings below. */
export function problemList(problems: Problem[], lang: Locale) {
  const words = messageLang(lang);
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  return html`
    ${errors.length === 0 ? nothing : html`
      <section class="problems errors" role="alert" aria-labelledby="err-h">
        <h2 id="err-h">${word('problems', lang)} (${errors.length})</h2>
        <p>${word('problemsNote', lang)}</p>
        <ul>${errors.map((p) => html`<li><code>${formatProblem(p, words)}</code></li>`)}</ul>
      </section>`}
    ${warnings.length === 0 ? nothing : html`
      <details class="problems warnings">
        <summary>${word('warnings', lang)} (${warnings.length})</summary>
        <ul>${warnings.map((p) => html`<li><code>${formatProblem(p, words)}</code></li>`)}</ul>
      </details>`}
  `;
}

export interface StripInput extends ThumbContext {
  playlist: Playlist;
  lang: Locale;
  words: WordsOptions;
  selected: number;
  onSelect(index: number): void;
}

export function loopStrip(s: StripInput) {
  const { playlist, lang } = s;
  const chosen = playlist.slides[s.selected] ?? playlist.slides[0]!;
  const portrait = s.screen.orientation === 'portrait';
  return html`
    <section aria-labelledby="loop-h" class="loop">
      <h2 id="loop-h">${word('loop', lang)}</h2>
      <p>${word('mode', lang)}: ${modeWord(playlist.mode, lang)} · ${word('total', lang)} ${playlist.totalSeconds} ${word('seconds', lang)}</p>
      <ol class="strip ${portrait ? 'portrait' : 'landscape'}">
        ${playlist.slides.map((slide, i) => html`
          <li>
            <button type="button" aria-pressed=${i === s.selected ? 'true' : 'false'} @click=${() => s.onSelect(i)}
              aria-label=${`${i + 1}. ${slide.item ? localText(slide.item.title, lang) : slide.id}, ${slide.seconds} ${word('seconds', lang)}`}>
              ${slideThumb(slide, s, 'thumb')}
              <span class="meta">${i + 1}. ${slide.id} · ${slide.seconds} ${word('seconds', lang)}${slide.item?.status === 'draft' ? html` · <strong class="draft">${word('draft', lang)}</strong>` : nothing}</span>
            </button>
          </li>`)}
      </ol>
      <figure class="large ${portrait ? 'portrait' : 'landscape'}" aria-label=${word('large', lang)}>
        ${slideThumb(chosen, s, 'large')}
        <figcaption>${chosen.id}: ${describeReasons(chosen.reasons, lang, s.words).join('；')}</figcaption>
      </figure>
    </section>
  `;
}

export function excludedList(list: readonly Excluded[], content: ContentSet, lang: Locale, words: WordsOptions) {
  const byId = new Map(content.items.map((i) => [i.id, i]));
  return html`
    <section aria-labelledby="ex-h" class="excluded">
      <h2 id="ex-h">${word('excluded', lang)} (${list.length})</h2>
      <table>
        <tbody>
          ${list.map((e) => {
            const item = byId.get(e.id);
            return html`<tr>
              <th scope="row"><code>${e.id}</code><br /><span>${item ? localText(item.title, lang) : ''}</span></th>
              <td>${describeReasons(e.reasons, lang, words).join('；')}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </section>
  `;
}
