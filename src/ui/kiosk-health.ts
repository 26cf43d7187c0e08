import { css } from 'lit';
import { KioskSlide } from './slide.ts';
import { slideStyles } from './styles.ts';

/** A health tip: title, summary, 3–5 points, an optional picture. */
export class KioskHealth extends KioskSlide {
  static override styles = [slideStyles, css`:host{--bg:#0b3d2e}`];

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
