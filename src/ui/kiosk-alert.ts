import { KioskSlide } from './slide.ts';

/** An alert: black on signal yellow over the whole screen (the header steps aside). */
export class KioskAlert extends KioskSlide {
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
