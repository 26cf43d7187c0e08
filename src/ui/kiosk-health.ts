import { KioskSlide } from './slide.ts';

/** A health tip: title, summary, 3–5 points, an optional picture. */
export class KioskHealth extends KioskSlide {
  protected label(): string {
    return this.w.health;
  }
}

customElements.define('kiosk-health', KioskHealth);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-health': KioskHealth;
  }
}
