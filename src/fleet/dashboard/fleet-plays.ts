/**
 * <fleet-plays>: proof of play over a range of local dates, by item, kind, screen or day, with
 * the detailed CSV (UTF-8 with BOM; titles and names in the dashboard's language) to download.
 */
import { html, LitElement } from 'lit';
import type { Locale } from '../../content/keys.ts';
import { getJson, type PlaysAnswer, type PlayRow, type ScreensAnswer } from './api.ts';
import { text } from './format.ts';
import { tableStyles } from './styles.ts';
import { kindWord, word } from './words.ts';

type By = PlaysAnswer['by'];
const BYS: readonly By[] = ['item', 'kind', 'screen', 'day'];

function minusDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}

export class FleetPlays extends LitElement {
  static override styles = tableStyles;
  static override properties = { locale: {}, from: { state: true }, to: { state: true }, by: { state: true }, data: { state: true }, error: { state: true } };

  declare locale: Locale;
  declare from: string;
  declare to: string;
  declare by: By;
  declare data: PlaysAnswer | undefined;
  declare error: string;

  constructor() {
    super();
    this.locale = 'zh-Hant';
    this.from = '';
    this.to = '';
    this.by = 'item';
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void getJson<ScreensAnswer>('/fleet/api/screens').then((s) => {
      this.to = s.today;
      this.from = minusDays(s.today, 6);
      void this.load();
    }, (e: Error) => (this.error = e.message));
  }

  private async load(): Promise<void> {
    const q = new URLSearchParams({ from: this.from, to: this.to, by: this.by });
    try {
      this.data = await getJson<PlaysAnswer>(`/fleet/api/plays?${q}`);
      this.error = '';
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  private label(r: PlayRow, d: PlaysAnswer): string {
    const l = this.locale;
    if (d.by === 'day') return r.day;
    if (d.by === 'screen') return text(d.names[r.screen], l, r.screen);
    if (d.by === 'kind') return kindWord(r.kind, l);
    if (!r.item) return r.kind === 'card' ? word('card', l) : word('offPeriod', l);
    return text(d.titles[r.item], l, r.item);
  }

  override render() {
    const l = this.locale;
    const d = this.data;
    const csv = `/fleet/api/plays.csv?${new URLSearchParams({ from: this.from, to: this.to, lang: l })}`;
    return html`
      <form @submit=${(e: Event) => { e.preventDefault(); void this.load(); }}>
        <label>${word('from', l)}<input type="date" .value=${this.from} @change=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)} /></label>
        <label>${word('to', l)}<input type="date" .value=${this.to} @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)} /></label>
        <label>${word('groupBy', l)}<select @change=${(e: Event) => (this.by = (e.target as HTMLSelectElement).value as By)}>
          ${BYS.map((b) => html`<option value=${b} ?selected=${b === this.by}>${word(b, l)}</option>`)}
        </select></label>
        <button type="submit">${word('show', l)}</button>
        <a class="button" href=${csv} download>${word('csv', l)}</a>
      </form>
      ${this.error ? html`<p class="error" role="alert">${word('failed', l)}: ${this.error}</p>` : ''}
      ${!d ? html`<p>${word('loading', l)}</p>` : d.rows.length === 0 ? html`<p>${word('noData', l)}</p>` : html`
        <table>
          <thead><tr><th scope="col">${word(d.by, l)}</th>${d.by === 'item' ? html`<th scope="col">${word('kind', l)}</th>` : ''}
            <th scope="col">${word('count', l)}</th><th scope="col">${word('completed', l)}</th><th scope="col">${word('seconds', l)}</th></tr></thead>
          <tbody>${d.rows.map((r) => html`<tr data-item=${r.item}>
            <td>${this.label(r, d)}${d.by === 'item' && r.item ? html` <span class="muted">${r.item}</span>` : ''}</td>
            ${d.by === 'item' ? html`<td data-kind=${r.kind}>${kindWord(r.kind, l)}</td>` : ''}
            <td class="num">${r.plays}</td><td class="num">${r.completed}</td><td class="num">${r.seconds}</td></tr>`)}</tbody>
        </table>`}`;
  }
}

customElements.define('fleet-plays', FleetPlays);

declare global {
  interface HTMLElementTagNameMap {
    'fleet-plays': FleetPlays;
  }
}
