/** A grid of items × time columns, a cell filled where the item is on air. */
import { html } from 'lit';
import type { ContentSet } from '../frame/content-set.ts';
import type { Timeline } from './timeline.ts';

export function timelineTable(title: string, itemWord: string, t: Timeline, content: ContentSet) {
  const kinds = new Map(content.items.map((i) => [i.id, i.kind]));
  return html`
    <section class="timeline" aria-label=${title}>
      <h2>${title}</h2>
      <div class="scroll" tabindex="0">
        <table>
          <thead><tr><th scope="col" class="corner">${itemWord}</th>${t.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
          <tbody>
            ${t.rows.map((r) => html`<tr>
              <th scope="row" class="kind-${kinds.get(r.id) ?? 'notice'}"><code>${r.id}</code></th>
              ${r.on.map((on, i) => html`<td class=${on ? 'on' : ''} title=${`${r.id} ${t.columns[i]}`}>${on ? '●' : ''}</td>`)}
            </tr>`)}
          </tbody>
        </table>
      </div>
    </section>
  `;
}
