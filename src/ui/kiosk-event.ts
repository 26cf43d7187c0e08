import { html, nothing } from 'lit';
import { localDate, localTime } from '../frame/glass.ts';
import type { EventInfo } from '../content/schema.ts';
import { describeCountdown } from '../frame/glass.ts';
import { KioskSlide } from './slide.ts';
import { dateLabel } from '../frame/words.ts';

/** An event notice: what, countdown (還有 3 天 / 今天 / 進行中), when, where, QR code to sign up. */
export class KioskEvent extends KioskSlide {
  protected label(): string {
    return this.w.event;
  }

  protected override meta(): unknown {
    const d = this.data;
    const e = this.item?.event;
    if (!d) return nothing;
    const c = d.slide.countdown;
    const { when, where, colon } = this.w;
    return html`${c ? html`<p class="cd">${describeCountdown(c, d.locale)}</p>` : nothing}${
      e ? html`<p class="meta">${when}${colon}${this.when(e)}</p>` : nothing}${
      e?.place ? html`<p class="meta">${where}${colon}${this.t(e.place)}</p>` : nothing}`;
  }

  /** "10月18日 星期日 09:00–11:30", or "12月31日 20:00 – 1月1日 01:00" across days. */
  private when(e: EventInfo): string {
    const { locale, timeZone } = this.data!;
    const [a, b] = [Date.parse(e.starts), Date.parse(e.ends)];
    const [da, db] = [localDate(a, timeZone), localDate(b, timeZone)];
    const [ta, tb] = [localTime(a, timeZone), localTime(b, timeZone)];
    return da === db
      ? `${dateLabel(da, locale, false, true)} ${ta}–${tb}`
      : `${dateLabel(da, locale, false, false)} ${ta} – ${dateLabel(db, locale, false, false)} ${tb}`;
  }
}

customElements.define('kiosk-event', KioskEvent);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-event': KioskEvent;
  }
}
