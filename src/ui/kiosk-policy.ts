import { DEFAULT_SETTINGS } from '../content/defaults.ts';
import { KioskSlide } from './slide.ts';
import { dateLabel } from '../frame/words.ts';

/** A policy-meeting summary: meeting title, date and issuer, key points, 「示例」 when a sample. */
export class KioskPolicy extends KioskSlide {
  protected label(): string {
    return this.w.policy;
  }

  protected override metaLines(): string[] {
    const i = this.item;
    const date = i?.date ? dateLabel(i.date, this.data?.locale ?? DEFAULT_SETTINGS.locale, true, false) : '';
    const line = [date, this.t(i?.source)].filter(Boolean).join(' · ');
    return line ? [line] : [];
  }
}

customElements.define('kiosk-policy', KioskPolicy);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-policy': KioskPolicy;
  }
}
