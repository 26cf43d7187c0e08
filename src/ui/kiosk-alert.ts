import { css } from 'lit';
import { KioskSlide } from './slide.ts';
import { slideStyles } from './styles.ts';

/** An alert: black on signal yellow over the whole screen (the header steps aside). */
export class KioskAlert extends KioskSlide {
  static override styles = [slideStyles, css`:host{--bg:#ffd60a;--fg:#000;--ac:#000;border:calc(var(--u)*16) solid #000}
.label{font-size:calc(var(--u)*48)}`];

  /** Alone on the screen, read in passing: the biggest type the text allows. */
  readonly fontMax = 88;

  protected label(): string {
    return this.w.alert;
  }
}

customElements.define('kiosk-alert', KioskAlert);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-alert': KioskAlert;
  }
}
