import { css, html, type PropertyValues } from 'lit';
import { KioskSlide } from './slide.ts';
import { slideStyles } from './styles.ts';

/**
 * A safety poster: the picture edge to edge, with its caption (title, summary, points) beside
 * it on a landscape screen and under it on a portrait one. Without a picture it is laid out
 * like any text slide.
 */
export class KioskSafety extends KioskSlide {
  static override styles = [slideStyles, css`:host{--bg:#3a1010}
:host([poster]){padding:0;gap:0;flex-direction:row}
:host([poster][portrait]){flex-direction:column}
.poster{flex:1;min-width:0;min-height:0;object-fit:contain}
:host([portrait]) .poster{flex:none;width:100%;height:auto;max-height:50%}
.cap{flex:none;width:36%;display:flex;flex-direction:column;gap:calc(var(--u)*20);padding:calc(var(--u)*32) calc(var(--u)*56) calc(var(--u)*48)}
:host([portrait]) .cap{flex:1;width:auto;min-height:0}`];

  private get poster(): string | undefined {
    const i = this.item;
    return i?.image ? this.data?.assetUrl(i.image) : undefined;
  }

  protected label(): string {
    return this.w.safety;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.toggleAttribute('poster', !!this.poster);
  }

  override render(): unknown {
    const src = this.poster;
    if (!src) return super.render();
    const alt = this.t(this.item?.imageAlt) || this.t(this.item?.title);
    return html`<img class="poster" src=${src} alt=${alt}><div class="cap">${this.labelRow()}<div class="fit">${this.head()}${this.flow()}</div></div>`;
  }
}

customElements.define('kiosk-safety', KioskSafety);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-safety': KioskSafety;
  }
}
