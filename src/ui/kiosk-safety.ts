import { html, nothing, type PropertyValues } from 'lit';
import { KioskSlide } from './slide.ts';

/**
 * A safety poster: the picture edge to edge, with its caption (title, summary, points) beside
 * it on a landscape screen and under it on a portrait one. Without a picture it is laid out
 * like any text slide (also when the picture fails to load).
 */
export class KioskSafety extends KioskSlide {
  /** The full-bleed picture; a film's poster stays even when it fails (the film is in its place). */
  private get poster(): string | undefined {
    const src = this.picture();
    return src && (this.filmed() || !this.broken.has(src)) ? src : undefined;
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
    return html`<img class="poster" src=${src} alt=${alt} @error=${(e: Event) => this.failed(e)}><div class="cap">${this.labelRow()}<div class="fit">${this.headFlows ? nothing : this.head()}${this.flow()}</div></div>`;
  }
}

customElements.define('kiosk-safety', KioskSafety);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-safety': KioskSafety;
  }
}
