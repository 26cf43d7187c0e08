import { html, nothing } from 'lit';
import { localDate, localTime } from '../frame/glass.ts';
import type { EventInfo } from '../content/schema.ts';
import { describeCountdown } from '../frame/glass.ts';
import type { Block } from './pieces.ts';
import { KioskSlide } from './slide.ts';
import { dateLabel } from '../frame/words.ts';

/** An event notice: what, countdown (還有 3 天 / 今天 / 進行中), when, where, QR code to sign up. */
export class KioskEvent extends KioskSlide {
  protected label(): string {
    return this.w.event;
  }

  /** 還有 3 天 / 今天 / 進行中 */
  private countdown(): string {
    const d = this.data;
    const c = d?.slide.countdown;
    return d && c ? describeCountdown(c, d.locale) : '';
  }

  protected override meta(): unknown {
    const cd = this.countdown();
    return html`${cd ? html`<p class="cd">${cd}</p>` : nothing}${super.meta()}`;
  }

  protected override metaLines(): string[] {
    const e = this.item?.event;
    if (!this.data || !e) return [];
    const { when, where, colon } = this.w;
    return [`${when}${colon}${this.when(e)}`, ...(e.place ? [`${where}${colon}${this.t(e.place)}`] : [])];
  }

  override headBlocks(): Block[] {
    const [title, ...meta] = super.headBlocks();
    const cd = this.countdown();
    return title ? [title, ...(cd ? [{ cls: 'cd', text: cd }] : []), ...meta] : [];
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
