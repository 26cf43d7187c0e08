/**
 * <fleet-screens>: every screen with its state (silent ones first, in red), last seen, content
 * version against the latest published, item on air, last sync, errors since the beat before,
 * storage and clock drift (and records waiting under another screen id, when any).
 * Reloads once a minute while shown.
 */
import { html, LitElement } from 'lit';
import type { Locale } from '../../content/keys.ts';
import { getJson, type ScreenRow, type ScreensAnswer } from './api.ts';
import { bytes, drift, text, when } from './format.ts';
import { tableStyles } from './styles.ts';
import { syncWord, word } from './words.ts';

export class FleetScreens extends LitElement {
  static override styles = tableStyles;
  static override properties = { locale: {}, data: { state: true }, error: { state: true } };

  declare locale: Locale;
  declare data: ScreensAnswer | undefined;
  declare error: string;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.locale = 'zh-Hant';
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    this.timer = setInterval(() => void this.load(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  private async load(): Promise<void> {
    try {
      this.data = await getJson<ScreensAnswer>('/fleet/api/screens');
      this.error = '';
    } catch (e) {
      this.error = String((e as Error).message);
    }
  }

  private row(s: ScreenRow, d: ScreensAnswer) {
    const l = this.locale;
    const b = s.beat;
    return html`<tr class=${s.state} data-screen=${s.id}>
      <td><span class="badge ${s.state}">${word(s.state, l)}</span></td>
      <td><div class="name">${text(s.name, l, s.id)}</div><div class="muted">${s.id}${s.unknown ? ` ${word('unknown', l)}` : ''}</div>
        ${b?.otherScreens ? html`<div class="muted" data-other-screens>${b.otherScreens} ${word('otherScreens', l)}</div>` : ''}</td>
      <td>${when(s.lastSeen, l, d.timeZone)}</td>
      <td>${b?.version ? html`<code>${b.version.slice(0, 8)}</code> ${s.current ? word('current', l) : s.current === false ? word('behind', l) : ''}` : word('none', l)}</td>
      <td>${b?.onAir ?? word('none', l)}</td>
      <td>${b ? html`<span data-sync=${b.lastSync.result}>${syncWord(b.lastSync.result, l)}</span> <span class="muted">${when(b.lastSync.at, l, d.timeZone)}</span>` : word('none', l)}</td>
      <td class="errors">${b ? html`<span class="num">${b.errors.count}</span>${b.errors.last ? html` <span class="muted">${b.errors.last}</span>` : ''}` : word('none', l)}</td>
      <td class="num">${b ? `${bytes(b.storage.used)} / ${bytes(b.storage.quota)}${b.storage.persisted ? ' ✓' : ''}` : word('none', l)}</td>
      <td class="num">${b ? drift(b.clockOffsetMs) : word('none', l)}</td>
    </tr>`;
  }

  override render() {
    const l = this.locale;
    const d = this.data;
    if (this.error) return html`<p class="error" role="alert">${word('failed', l)}: ${this.error}</p>`;
    if (!d) return html`<p>${word('loading', l)}</p>`;
    return html`<table>
      <caption class="muted">${when(d.now, l, d.timeZone)} · ${d.latestVersion ? html`${word('version', l)} <code>${d.latestVersion.slice(0, 8)}</code>` : ''}</caption>
      <thead><tr>
        <th scope="col">${word('state', l)}</th><th scope="col">${word('screen', l)}</th><th scope="col">${word('lastSeen', l)}</th>
        <th scope="col">${word('version', l)}</th><th scope="col">${word('onAir', l)}</th><th scope="col">${word('lastSync', l)}</th><th scope="col">${word('errors', l)}</th>
        <th scope="col">${word('storage', l)}</th><th scope="col">${word('drift', l)}</th>
      </tr></thead>
      <tbody>${d.screens.map((s) => this.row(s, d))}</tbody>
    </table>`;
  }
}

customElements.define('fleet-screens', FleetScreens);

declare global {
  interface HTMLElementTagNameMap {
    'fleet-screens': FleetScreens;
  }
}
