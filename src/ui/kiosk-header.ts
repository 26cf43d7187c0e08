import { html } from 'lit';
import type { DayLines } from '../frame/day-text.ts';
import { LightElement } from './light-element.ts';

/**
 * The strip above the slides: place name, the day (Gregorian date and weekday, lunar date,
 * solar term, festivals and observances: 重陽節, 交通安全日) and the clock. <kiosk-app> hands it ready-made lines once a minute.
 */
export class KioskHeader extends LightElement {
  static override properties = { place: {}, lines: { attribute: false } };
  declare place: string;
  declare lines: DayLines | undefined;

  override render(): unknown {
    const l = this.lines;
    if (!l) return html`<div class="place">${this.place}</div>`;
    return html`<div class="place">${this.place}</div><div class="day"><span>${l.date}</span><span>${[l.lunar, l.term, l.marks].filter(Boolean).join(' · ')}</span></div><time>${l.time}</time>`;
  }
}

customElements.define('kiosk-header', KioskHeader);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-header': KioskHeader;
  }
}
