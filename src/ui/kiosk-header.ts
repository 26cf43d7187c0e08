import { css, html, LitElement } from 'lit';
import type { DayLines } from './day-lines.ts';
import { base } from './styles.ts';

/**
 * The strip above the slides: place name, the day (Gregorian date and weekday, lunar date,
 * solar term) and the clock. <kiosk-app> hands it ready-made lines once a minute.
 */
export class KioskHeader extends LitElement {
  static override styles = [base, css`
:host{--bg:#000;display:grid;grid-template:'place day time' 1fr/minmax(0,1fr) auto auto;align-items:center;gap:calc(var(--u)*48);
height:100%;padding:0 calc(var(--u)*64);font-size:calc(var(--u)*40);border-bottom:calc(var(--u)*4) solid #3a3a3a}
:host([portrait]){grid-template:'place time' 1fr 'day day' auto/minmax(0,1fr) auto;gap:0 calc(var(--u)*32);padding-bottom:calc(var(--u)*20)}
.place{grid-area:place;font-size:calc(var(--u)*48);font-weight:700;color:var(--ac);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.day{grid-area:day;display:flex;flex-direction:column;align-items:flex-end;line-height:1.3}
:host([portrait]) .day{flex-direction:row;gap:calc(var(--u)*32);justify-content:space-between}
time{grid-area:time;font-size:calc(var(--u)*104);font-weight:700;line-height:1;font-variant-numeric:tabular-nums}`];

  static override properties = { place: {}, lines: { attribute: false } };
  declare place: string;
  declare lines: DayLines | undefined;

  override render(): unknown {
    const l = this.lines;
    if (!l) return html`<div class="place">${this.place}</div>`;
    return html`<div class="place">${this.place}</div><div class="day"><span>${l.date}</span><span>${[l.lunar, l.term].filter(Boolean).join(' · ')}</span></div><time>${l.time}</time>`;
  }
}

customElements.define('kiosk-header', KioskHeader);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-header': KioskHeader;
  }
}
