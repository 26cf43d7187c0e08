/** The loop strip, the list of items not on air with their reasons, and the build problems. */
import { html, nothing } from 'lit';
import type { ContentSet } from '../frame/content-set.ts';
import { localText } from '../calendar/names.ts';
import type { Locale } from '../content/keys.ts';
import type { Excluded, Playlist, Slide } from '../schedule/playlist.ts';
import type { CalendarView } from '../schedule/calendar-view.ts';
import type { OnAir } from '../frame/slide-at.ts';
import { describeReasons, type WordsOptions } from '../schedule/reasons.ts';
import { messageLang } from '../content/messages.ts';
import { formatProblem, type Problem } from '../content/problem.ts';
import { modeWord, word } from './preview-words.ts';
import { slideThumb, type ThumbContext } from './slide-thumb.ts';
import { feedOfId } from '../content/scope.ts';

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
  /** The slide on air at the instant (slideAt of the playlist, as the kiosk plays it). */
  onAir: OnAir;
  lang: Locale;
  words: WordsOptions;
  /** The slide in the large view; -1: the one on air. */
  selected: number;
  onSelect(index: number): void;
}

/** An item id that wraps only after a "/" or a "-", never inside a word. */
export function idText(id: string) {
  return id.split(/(?<=[/-])/).map((part, i) => (i === 0 ? part : html`<wbr>${part}`));
}

/** The feed a slide comes from, when not the root (" · 來源 lvyuan"). */
function feedLabel(id: string, lang: Locale) {
  const feed = feedOfId(id);
  return feed === undefined ? nothing : html` · <span class="feed" data-feed=${feed}>${word('feed', lang)} ${feed}</span>`;
}

/** "m:ss" of seconds. */
const clock = (sec: number) => `${Math.floor(sec / 60)}:${String(Math.floor(sec % 60)).padStart(2, '0')}`;

export function loopStrip(s: StripInput) {
  const { playlist, lang, onAir } = s;
  const selected = s.selected < 0 ? onAir.index : s.selected;
  const chosen = playlist.slides[selected] ?? playlist.slides[0]!;
  const portrait = s.screen.orientation === 'portrait';
  let start = 0;
  const starts = playlist.slides.map((x) => (start += x.seconds) - x.seconds);
  const offset = (s.at - onAir.startsAt) / 1000 + starts[onAir.index]!;
  return html`
    <section aria-labelledby="loop-h" class="loop">
      <h2 id="loop-h">${word('loop', lang)}</h2>
      <p class="mode" data-mode=${playlist.mode}>${word('mode', lang)}: ${modeWord(playlist.mode, lang)} · ${word('total', lang)} ${playlist.totalSeconds} ${word('seconds', lang)}</p>
      <p class="on-air-line">${word('onAir', lang)}: ${onAir.index + 1}. <code>${onAir.slide.id}</code> · ${word('intoLoop', lang).replace('{t}', clock(offset))}</p>
      <ol class="strip ${portrait ? 'portrait' : 'landscape'}">
        ${playlist.slides.map((slide, i) => html`
          <li class=${i === onAir.index ? 'on-air' : ''} data-item=${slide.id}>
            <button type="button" aria-pressed=${i === selected ? 'true' : 'false'} @click=${() => s.onSelect(i)}
              aria-label=${`${i + 1}. ${slide.item ? localText(slide.item.title, lang) : slide.id}, ${slide.seconds} ${word('seconds', lang)}${i === onAir.index ? `, ${word('onAir', lang)}` : ''}`}>
              ${slideThumb(slide, s, 'thumb')}
              <span class="meta">${i === onAir.index ? html`<strong class="air">▶ ${word('onAir', lang)}</strong> ` : nothing}${i + 1}. ${clock(starts[i]!)} · ${idText(slide.id)} · ${slide.seconds} ${word('seconds', lang)}${feedLabel(slide.id, lang)}</span>
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

/** The screen is dark at the instant: said in place of the loop, with when it turns on. */
export function offNotice(turnsOn: number | undefined, calendar: CalendarView, lang: Locale) {
  const when = turnsOn === undefined ? word('notWithin', lang)
    : `${calendar.localDate(turnsOn)} ${calendar.localTime(turnsOn)}`;
  return html`
    <section aria-labelledby="loop-h" class="loop off">
      <h2 id="loop-h">${word('loop', lang)}</h2>
      <p class="off-line"><strong>${word('off', lang)}</strong> · ${word('turnsOn', lang).replace('{t}', when)}</p>
    </section>
  `;
}

/** Drafts the rules would let on at the instant: beside the loop, marked, never in it. */
export function draftStrip(drafts: readonly Slide[], c: ThumbContext & { lang: Locale; words: WordsOptions }) {
  if (drafts.length === 0) return nothing;
  const portrait = c.screen.orientation === 'portrait';
  return html`
    <section aria-labelledby="drafts-h" class="drafts">
      <h2 id="drafts-h">${word('drafts', c.lang)} (${drafts.length})</h2>
      <p>${word('draftsNote', c.lang)}</p>
      <ul class="strip ${portrait ? 'portrait' : 'landscape'}">
        ${drafts.map((d) => html`<li data-item=${d.id}>
          ${slideThumb(d, c, 'thumb')}
          <span class="meta"><strong class="draft">${word('draft', c.lang)}</strong> · ${idText(d.id)} · ${d.seconds} ${word('seconds', c.lang)}</span>
        </li>`)}
      </ul>
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
              <th scope="row"><code>${idText(e.id)}</code><br /><span>${item ? localText(item.title, lang) : ''}</span></th>
              <td>${describeReasons(e.reasons, lang, words).join('；')}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </section>
  `;
}
