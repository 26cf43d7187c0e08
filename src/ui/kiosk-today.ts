import { html, nothing } from 'lit';
import type { DayText } from '../frame/day-text.ts';
import type { Block } from './pieces.ts';
import { KioskSlide } from './slide.ts';

/** The built-in card ("builtin/today"): the date, lunar date, solar term, the day's festival or observance, the term's health line. */
export class KioskToday extends KioskSlide {
  /** Alone on the screen: it may use bigger type than other slides. */
  readonly fontMax = 88;

  protected label(): string {
    return this.w.today;
  }

  private lines(): DayText {
    return this.data?.day ?? { date: '', day: '', weekday: '', lunar: '', term: '', tip: '' };
  }

  protected override head(): unknown {
    const l = this.lines();
    return html`<h1><span>${l.day}</span> <span>${l.weekday}</span></h1>${l.lunar ? html`<p class="big">${l.lunar}</p>` : nothing}${
      l.term ? html`<p class="big">${this.w.term}${this.w.colon}${l.term}</p>` : nothing}${l.marks ? html`<p class="big">${l.marks}</p>` : nothing}`;
  }

  /** The day card's head is the date: it never flows. */
  override headBlocks(): Block[] {
    return [];
  }

  protected override blocks(): Block[] {
    const tip = this.lines().tip;
    return tip ? [{ cls: 'sum', text: tip }] : [];
  }
}

customElements.define('kiosk-today', KioskToday);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-today': KioskToday;
  }
}
