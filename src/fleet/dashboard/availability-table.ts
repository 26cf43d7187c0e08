/**
 * Availability as numbers, beside the strip plot: one row per screen, one column per day (the
 * share of that day's screen hours it reported; — for a day without hours) and the month's.
 * The table a 科協 report copies; the same numbers as the availability CSV.
 */
import { html } from 'lit';
import type { Locale } from '../../content/keys.ts';
import type { AvailabilityAnswer } from './api.ts';
import { percent, text } from './format.ts';
import { word } from './words.ts';

const share = (c: { reported: number; expected: number } | undefined) => (c && c.expected > 0 ? c.reported / c.expected : undefined);

export function availabilityTable(d: AvailabilityAnswer, l: Locale) {
  const days = [...new Set(d.cells.map((c) => c.day))].sort();
  const cell = new Map(d.cells.map((c) => [`${c.screen} ${c.day}`, c]));
  // Each screen's month, summed in one pass (thousands of screens × 31 days).
  const months = new Map<string, { reported: number; expected: number }>();
  for (const c of d.cells) {
    const m = months.get(c.screen) ?? { reported: 0, expected: 0 };
    m.reported += c.reported;
    m.expected += c.expected;
    months.set(c.screen, m);
  }
  const month = (screen: string) => share(months.get(screen));
  return html`<div class="scroll" role="region" tabindex="0" aria-label=${word('dayTable', l)}>
    <table class="days">
      <caption>${word('dayTable', l)}</caption>
      <thead><tr><th scope="col">${word('screen', l)}</th>
        ${days.map((day) => html`<th scope="col" class="num"><abbr title=${day}>${day.slice(8)}</abbr></th>`)}
        <th scope="col" class="num">${word('monthTotal', l)}</th></tr></thead>
      <tbody>${d.screens.map((s) => html`<tr data-screen=${s.id}>
        <th scope="row">${text(s.name, l, s.id)}</th>
        ${days.map((day) => html`<td class="num" data-day=${day}>${percent(share(cell.get(`${s.id} ${day}`)))}</td>`)}
        <td class="num" data-month>${percent(month(s.id))}</td></tr>`)}</tbody>
    </table>
  </div>`;
}
