import { css } from 'lit';
import { KioskSlide } from './slide.ts';
import { slideStyles } from './styles.ts';

/** A community notice: title, summary, body or points, who issued it, picture or QR code. */
export class KioskNotice extends KioskSlide {
  static override styles = [slideStyles, css`:host{--bg:#1b2b3a}`];

  protected label(): string {
    return this.w.notice;
  }
}

customElements.define('kiosk-notice', KioskNotice);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notice': KioskNotice;
  }
}
