/**
 * <fleet-dashboard>: the staff dashboard's frame: title, the three views, the language
 * (zh-Hant by default, remembered in this browser) and sign-out.
 */
import { html, LitElement } from 'lit';
import { LOCALES, type Locale } from '../../content/keys.ts';
import { getJson, logout } from './api.ts';
import { dashboardStyles } from './styles.ts';
import { word } from './words.ts';
import './fleet-screens.ts';
import './fleet-availability.ts';
import './fleet-plays.ts';

type View = 'screens' | 'availability' | 'plays';
const VIEWS: readonly View[] = ['screens', 'availability', 'plays'];
const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-Hant': '繁體中文', 'zh-Hans': '简体中文', en: 'English' };

export class FleetDashboard extends LitElement {
  static override styles = dashboardStyles;
  static override properties = { locale: { state: true }, view: { state: true }, csrf: { state: true } };

  declare locale: Locale;
  declare view: View;
  declare csrf: string;

  constructor() {
    super();
    const saved = localStorage.getItem('fleet-locale');
    this.locale = (LOCALES as readonly string[]).includes(saved ?? '') ? (saved as Locale) : 'zh-Hant';
    this.view = 'screens';
    this.csrf = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void getJson<{ csrf: string }>('/fleet/api/me').then((me) => (this.csrf = me.csrf), () => {});
  }

  override updated(): void {
    document.documentElement.lang = this.locale;
    document.title = word('title', this.locale);
  }

  private setLocale(e: Event): void {
    this.locale = (e.target as HTMLSelectElement).value as Locale;
    localStorage.setItem('fleet-locale', this.locale);
  }

  override render() {
    const l = this.locale;
    return html`
      <header>
        <h1>${word('title', l)}</h1>
        <nav aria-label=${word('title', l)}>
          ${VIEWS.map((v) => html`<button type="button" aria-current=${v === this.view ? 'page' : 'false'} @click=${() => (this.view = v)}>${word(v, l)}</button>`)}
        </nav>
        <label>${word('language', l)}
          <select @change=${this.setLocale}>
            ${LOCALES.map((x) => html`<option value=${x} ?selected=${x === l}>${LANGUAGE_NAMES[x]}</option>`)}
          </select>
        </label>
        <button type="button" ?disabled=${!this.csrf} @click=${() => void logout(this.csrf)}>${word('logout', l)}</button>
      </header>
      <main>
        ${this.view === 'screens' ? html`<fleet-screens .locale=${l}></fleet-screens>`
          : this.view === 'availability' ? html`<fleet-availability .locale=${l}></fleet-availability>`
            : html`<fleet-plays .locale=${l}></fleet-plays>`}
      </main>`;
  }
}

customElements.define('fleet-dashboard', FleetDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'fleet-dashboard': FleetDashboard;
  }
}
