/** A grid of items × time columns, a cell filled where the item is on air. */
import { html } from 'lit';
import type { ContentSet } from '../frame/content-set.ts';
import type { Timeline } from './timeline.ts';

/** `offWord`: the head of a column in which the screen is dark all through. */
export function timelineTable(title: string, itemWord: string, t: Timeline, content: ContentSet, offWord: string) {
  const kinds = new Map(content.items.map((i) => [i.id, i.kind]));
  return html`
    <section class="timeline" aria-label=${title}>
      <h2>${title}</h2>
      <div class="scroll" tabindex="0">
        <table>
          <thead><tr><th scope="col" class="corner">${itemWord}</th>${t.columns.map((c, i) => html`<th scope="col" class=${t.lit[i] ? '' : 'dark'} title=${t.lit[i] ? c : `${c} ${offWord}`}>${c}</th>`)}</tr></thead>
          <tbody>
            ${t.rows.map((r) => html`<tr>
              <th scope="row" class="kind-${kinds.get(r.id) ?? 'notice'}"><code>${r.id}</code></th>
              ${r.on.map((on, i) => html`<td class=${on ? 'on' : t.lit[i] ? '' : 'dark'} title=${`${r.id} ${t.columns[i]}`}>${on ? '●' : ''}</td>`)}
            </tr>`)}
            ${t.lit.some(Boolean) ? '' : html`<tr><td colspan=${t.columns.length + 1} class="dark">${offWord}</td></tr>`}
          </tbody>
        </table>
      </div>
    </section>
  `;
}
