/**
 * The base of every slide: a label row (kind, 「示例」, page k/n), the text box `.fit` (title,
 * meta lines, the flowing text of the page on glass) and an aside (picture, QR code). Each kind
 * of slide is a small subclass; the fit controller decides font size and pages.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { DEFAULT_SETTINGS } from '../content/defaults.ts';
import { localText } from '../frame/glass.ts';
import type { Locale } from '../content/keys.ts';
import type { CompiledItem, LocalText } from '../content/schema.ts';
import type { Slide } from '../frame/glass.ts';
import type { SlideData } from '../frame/slide-data.ts';
import { FitController, type FitHost } from './fit-controller.ts';
import { LightElement } from './light-element.ts';
import { piecesOf, type Block, type Piece } from './pieces.ts';
import { words, type Words } from '../frame/words.ts';

export type { SlideData };

export abstract class KioskSlide extends LightElement implements FitHost {
  static override properties = {
    data: { attribute: false }, page: { type: Number }, view: { state: true }, broken: { state: true }, headFlows: { state: true },
  };
  declare data: SlideData | undefined;
  /** The page on glass (0-based); <kiosk-app> turns pages by the clock. */
  declare page: number;
  declare view: Piece[];
  pages: Piece[][] = [[]];
  /**
   * The title and meta lines flow with the text, across pages: set by the fit when they alone
   * leave no room (a title or a place longer than the screen). Never for the day card.
   */
  declare headFlows: boolean;
  protected fit = new FitController(this);

  static {
    // Fitting renders, measures and renders again on purpose (dev-mode builds warn otherwise).
    this.disableWarning?.('change-in-update');
  }

  /** Pictures that failed to load (a cache cleared behind the app's back, offline): left out, never a broken icon. */
  declare broken: ReadonlySet<string>;

  constructor() {
    super();
    this.page = 0;
    this.view = [];
    this.broken = new Set();
    this.headFlows = false;
  }

  /** An <img> of the slide failed: drop it (the slide shows its words) and fit again. */
  protected failed(e: Event): void {
    const src = (e.target as HTMLImageElement).getAttribute('src');
    if (src === null || this.broken.has(src)) return;
    this.broken = new Set([...this.broken, src]);
    // The text box grows without the picture: fit again.
    void this.updateComplete.then(() => this.fit.start());
  }

  protected get item(): CompiledItem | undefined {
    return this.data?.slide.item;
  }

  protected get w(): Words {
    return words(this.data?.locale ?? DEFAULT_SETTINGS.locale);
  }

  /** LocalText in the screen's locale (falls back zh-Hant → zh-Hans → en). */
  protected t(text: LocalText | undefined): string {
    return text === undefined ? '' : localText(text, this.data?.locale ?? DEFAULT_SETTINGS.locale);
  }

  /** The kind's name in the label row. */
  protected abstract label(): string;

  /** The flowing text: summary, body paragraphs, points. */
  protected blocks(): Block[] {
    const i = this.item;
    if (!i) return [];
    const out: Block[] = [];
    const add = (cls: string, text: string) => text.trim() && out.push({ cls, text });
    add('sum', this.t(i.summary));
    for (const p of this.t(i.body).split(/\n+/)) add('body', p);
    for (const p of i.points ?? []) add('pt', this.t(p));
    return out;
  }

  /** The title and meta lines as text, for when they must flow (see headFlows); [] when they may not. */
  headBlocks(): Block[] {
    const i = this.item;
    return i ? [{ cls: 'ttl', text: this.t(i.title) }, ...this.metaLines().map((text) => ({ cls: 'meta', text }))] : [];
  }

  /** The meta lines as text (by default: who issued it). */
  protected metaLines(): string[] {
    const s = this.t(this.item?.source);
    return s ? [s] : [];
  }

  pieces(): Piece[] {
    return piecesOf(this.headFlows ? [...this.headBlocks(), ...this.blocks()] : this.blocks());
  }

  rendered(): Promise<boolean> {
    return super.getUpdateComplete();
  }

  /** `updateComplete` also waits for the text to be fitted. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const r = await super.getUpdateComplete();
    await this.fit.idle();
    return r;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') && this.data) {
      this.lang = this.data.locale;
      this.toggleAttribute('portrait', this.data.portrait);
    }
    if (changed.has('page')) this.view = this.pages[Math.min(this.page, this.pages.length - 1)] ?? [];
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('data') && this.data) this.fit.start();
  }

  override render(): unknown {
    if (!this.data) return nothing;
    return html`${this.labelRow()}<div class="main"><div class="fit">${this.headFlows ? nothing : this.head()}${this.flow()}</div>${this.aside()}</div>`;
  }

  protected labelRow(): unknown {
    const n = this.pages.length;
    return html`<div class="label"><b>${this.label()}</b>${this.item?.sample ? html`<span class="mark">${this.w.sample}</span>` : nothing}${
      n > 1 ? html`<span>${Math.min(this.page, n - 1) + 1} / ${n}</span>` : nothing}</div>`;
  }

  protected head(): unknown {
    return html`<h1>${this.t(this.item?.title)}</h1>${this.meta()}`;
  }

  /** Lines under the title: metaLines(). */
  protected meta(): unknown {
    return this.metaLines().map((s) => html`<p class="meta">${s}</p>`);
  }

  /** The pieces on glass, joined back into paragraphs. */
  protected flow(): unknown {
    const groups: Piece[] = [];
    for (const p of this.view) {
      const last = groups[groups.length - 1];
      if (last && !p.first) last.text += p.text;
      else groups.push({ ...p });
    }
    return groups.map((g) => {
      const cls = `flow ${g.cls}${g.first ? '' : ' cont'}`;
      return g.cls === 'ttl' ? html`<h1 class=${cls}>${g.text}</h1>` : html`<p class=${cls}>${g.text}</p>`;
    });
  }

  /** The picture's URL: a film's poster (the film takes its place: ./film-deck.ts), else the image. */
  protected picture(): string | undefined {
    const path = this.item?.poster ?? this.item?.image;
    return path && this.data?.assetUrl(path);
  }

  /** The slide has a film this set can play (the deck puts it in the picture's place). */
  protected filmed(): boolean {
    const v = this.item?.video;
    return !!v && !!this.data?.assetUrl(v);
  }

  protected aside(): unknown {
    const i = this.item;
    const ok = (url: string | undefined) => (url && !this.broken.has(url) ? url : undefined);
    // A film's poster stays in the template even when it fails: the film (./film-deck.ts) has
    // taken its place, and dropping the part would take the film off the glass with it.
    const pic = this.filmed() ? this.picture() : ok(this.picture());
    const qr = ok(i?.qr && this.data?.assetUrl(i.qr));
    if (!i || (!pic && !qr)) return nothing;
    const scan = this.t(i.linkLabel) || this.w.scan;
    const failed = (e: Event) => this.failed(e);
    return html`<div class="aside">${pic ? html`<img class="pic" src=${pic} alt=${this.t(i.imageAlt)} @error=${failed}>` : nothing}${
      qr ? html`<figure class="qr"><img src=${qr} alt=${scan} @error=${failed}><figcaption>${scan}</figcaption></figure>` : nothing}</div>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    /** A slide's text was fitted; detail = its page count. */
    'kiosk-pages': CustomEvent<number>;
  }
}
