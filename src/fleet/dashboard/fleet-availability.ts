/**
 * <fleet-availability>: for a month, the share of each screen's hours it reported (開機率):
 * a day × screen strip plot (darker = higher, hatched grey = no hours that day), the same as a
 * table of numbers per screen and day with the month's (./availability-table.ts), and its CSV.
 */
import { html, LitElement, svg } from 'lit';
import type { Locale } from '../../content/keys.ts';
import { type AvailabilityAnswer, getJson, type ScreensAnswer } from './api.ts';
import { percent, text } from './format.ts';
import { availabilityTable } from './availability-table.ts';
import { tableStyles } from './styles.ts';
import { word } from './words.ts';

const CELL = 14;
const LABEL = 150;

function monthRange(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${month}-01`, `${month}-${String(last).padStart(2, '0')}`];
}

function shade(share: number): string {
  // From pale (0) to the brand green (1), in steps people can tell apart.
  const steps = ['#fbe3e3', '#f2c6a0', '#d9d98c', '#9ccc8a', '#4f9e63', '#0b3d2e'];
  return steps[Math.min(steps.length - 1, Math.floor(share * (steps.length - 1) + 0.0001))]!;
}

export class FleetAvailability extends LitElement {
  static override styles = tableStyles;
  static override properties = { locale: {}, month: { state: true }, data: { state: true }, error: { state: true } };

  declare locale: Locale;
  declare month: string;
  declare data: AvailabilityAnswer | undefined;
  declare error: string;

  constructor() {
    super();
    this.locale = 'zh-Hant';
    this.month = '';
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void getJson<ScreensAnswer>('/fleet/api/screens').then((s) => {
      this.month = s.today.slice(0, 7);
      void this.load();
    }, (e: Error) => (this.error = e.message));
  }

  private async load(): Promise<void> {
    if (!/^\d{4}-\d{2}$/.test(this.month)) return;
    const [from, to] = monthRange(this.month);
    try {
      this.data = await getJson<AvailabilityAnswer>(`/fleet/api/availability?from=${from}&to=${to}`);
      this.error = '';
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  private plot(d: AvailabilityAnswer) {
    const l = this.locale;
    const days = [...new Set(d.cells.map((c) => c.day))].sort();
    const width = LABEL + days.length * CELL + 10;
    const height = 20 + d.screens.length * CELL + 4;
    const cell = new Map(d.cells.map((c) => [`${c.screen} ${c.day}`, c]));
    return html`<svg role="img" aria-label=${word('plotLabel', l)} width=${width} height=${height} viewBox="0 0 ${width} ${height}">
      <defs><pattern id="none" width="4" height="4" patternUnits="userSpaceOnUse"><path d="M0 4L4 0" stroke="#9aa5a1" stroke-width="1"></path></pattern></defs>
      ${days.map((day, i) => (i % 5 === 0 ? svg`<text x=${LABEL + i * CELL} y="12">${day.slice(8)}</text>` : ''))}
      ${d.screens.map((s, row) => svg`
        <text x="0" y=${20 + row * CELL + 11}>${text(s.name, l, s.id).slice(0, 14)}</text>
        ${days.map((day, i) => {
          const c = cell.get(`${s.id} ${day}`);
          const share = c && c.expected > 0 ? c.reported / c.expected : undefined;
          return svg`<rect x=${LABEL + i * CELL} y=${20 + row * CELL} width=${CELL - 2} height=${CELL - 2}
            fill=${share === undefined ? 'url(#none)' : shade(share)}><title>${text(s.name, l, s.id)} ${day} ${percent(share)}</title></rect>`;
        })}`)}
    </svg>`;
  }

  override render() {
    const l = this.locale;
    const d = this.data;
    const range = /^\d{4}-\d{2}$/.test(this.month) ? monthRange(this.month) : undefined;
    const csv = range && `/fleet/api/availability.csv?${new URLSearchParams({ from: range[0], to: range[1], lang: l })}`;
    return html`
      <form @submit=${(e: Event) => { e.preventDefault(); void this.load(); }}>
        <label>${word('month', l)}<input type="month" .value=${this.month} @change=${(e: Event) => (this.month = (e.target as HTMLInputElement).value)} /></label>
        <button type="submit">${word('show', l)}</button>
        ${csv ? html`<a class="button" href=${csv} download>${word('csvAvailability', l)}</a>` : ''}
      </form>
      ${this.error ? html`<p class="error" role="alert">${word('failed', l)}: ${this.error}</p>` : ''}
      ${!d ? html`<p>${word('loading', l)}</p>` : html`${this.plot(d)}${availabilityTable(d, l)}`}`;
  }
}

customElements.define('fleet-availability', FleetAvailability);

declare global {
  interface HTMLElementTagNameMap {
    'fleet-availability': FleetAvailability;
  }
}
