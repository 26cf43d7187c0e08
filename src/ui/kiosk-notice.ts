import { KioskSlide } from './slide.ts';

/** A community notice: title, summary, body or points, who issued it, picture or QR code. */
export class KioskNotice extends KioskSlide {
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
