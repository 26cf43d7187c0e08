import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { refine, type Piece } from './pieces.ts';

/** The smallest body text, in --u (px at 1080p). */
export const FONT_FLOOR = 40;
/** The largest body text unless the slide asks for more (fontMax). */
export const FONT_MAX = 72;
/** Title size as a multiple of the body size; it shrinks only when a long title leaves no room. */
const TITLE_STEPS = [1.4, 1.2, 1] as const;

/** What the fit controller needs from a slide. */
export interface FitHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The pieces rendered in the text box now. */
  view: Piece[];
  /** The pieces of each page, as the last fit cut them. */
  pages: Piece[][];
  page: number;
  /** The largest body size to try, in --u (default FONT_MAX). */
  readonly fontMax?: number;
  /** Every piece of the slide's flowing text, at level 0 (with the title and meta lines when headFlows). */
  pieces(): Piece[];
  /** The title and meta lines flow with the text, across pages. */
  headFlows: boolean;
  /** The title and meta lines as text; [] when they may not flow. */
  headBlocks(): readonly unknown[];
  /** Resolves after the pending render (not after a fit). */
  rendered(): Promise<unknown>;
}

const sizeOf = (el: HTMLElement) => `${el.clientWidth}x${el.clientHeight}`;

/**
 * Makes the slide's text box (`.fit`) hold its text without clipping:
 * 1. the body size steps down in whole --u from fontMax (72) to the floor (40), to the largest
 *    size at which nothing overflows the box (a binary search: about five layouts);
 * 2. still too much at the floor: the pieces (sentences, see pieces.ts) are packed into pages,
 *    each as full as it can be (binary search by rendering and measuring scrollHeight against
 *    clientHeight); a point that would straddle two pages starts the next page instead when it
 *    fits there whole; a single sentence taller than a page is cut at clauses, then words;
 * 3. only if the title itself leaves no room for a word: the title steps down (1.4 → 1.2 → 1
 *    times the body size, never under the floor) and the packing starts again;
 * 4. still no room (a title or a place line longer than the screen): the title and meta lines
 *    flow with the text (`headFlows`) and are packed into pages like it, cut as finely as they
 *    must be, so no text ever leaves the glass.
 * Then it fires `kiosk-pages` (detail: the page count). Runs after render and again when the
 * host's or the text box's size changes (ResizeObserver: a picture that loads after the fit
 * takes room from the text); every step is a microtask, so no unfitted state is
 * ever painted. A newer fit makes an older one stop.
 */
export class FitController implements ReactiveController {
  /** Settles when the latest fit is done. */
  done: Promise<void> = Promise.resolve();
  #run = 0;
  #size = '';
  /** The text box's size when the last fit ended: a picture that loads later shrinks it. */
  #boxSize = '';
  #ro: ResizeObserver | undefined;

  constructor(private host: FitHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#ro = new ResizeObserver(() => {
      const box = this.#box();
      if (this.#size && (sizeOf(this.host) !== this.#size || (box && this.#boxSize && sizeOf(box) !== this.#boxSize))) this.start();
    });
    this.#ro.observe(this.host);
  }

  hostDisconnected(): void {
    this.#ro?.disconnect();
    this.#run++;
  }

  start(): void {
    this.done = this.#fit(++this.#run);
  }

  /** Resolves when no fit is running. */
  async idle(): Promise<void> {
    let p: Promise<void> | undefined;
    while (p !== this.done) {
      p = this.done;
      await p;
    }
  }

  #box(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.fit');
  }

  #over(): boolean {
    const b = this.#box();
    return !!b && b.clientHeight > 0 && (b.scrollHeight > b.clientHeight + 1 || b.scrollWidth > b.clientWidth + 1);
  }

  /**
   * Packs pieces into pages at the floor size. null: the title leaves no room for even one
   * word (unless `force`); undefined: a newer fit took over.
   */
  async #paginate(all: Piece[], show: (v: Piece[]) => Promise<boolean>, force: boolean): Promise<Piece[][] | null | undefined> {
    if (!(await show([]))) return undefined;
    if (this.#over() && !force) return null;
    const pages: Piece[][] = [];
    let rest = all;
    while (rest.length > 0) {
      if (!(await show(rest.slice(0, 1)))) return undefined;
      let n = 1;
      if (this.#over()) {
        const finer = refine(rest[0]!);
        if (finer.length > 1) {
          rest = [...finer, ...rest.slice(1)];
          continue;
        }
        if (!force) return null;
      } else {
        let hi = rest.length;
        while (n < hi) {
          const mid = (n + hi + 1) >> 1;
          if (!(await show(rest.slice(0, mid)))) return undefined;
          if (this.#over()) hi = mid - 1;
          else n = mid;
        }
        // Keep a point whole: when the page would end inside one, start it on the next page.
        if (n < rest.length && !rest[n]!.first) {
          let s = n - 1;
          while (s > 0 && !rest[s]!.first) s--;
          if (s > 0) n = s;
        }
      }
      pages.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    return pages.length ? pages : [[]];
  }

  async #fit(run: number): Promise<void> {
    const h = this.host;
    const show = async (v: Piece[]) => {
      h.view = v;
      await h.rendered();
      return run === this.#run;
    };
    this.#size = sizeOf(h);
    h.style.removeProperty('--ts');
    if (h.headFlows) {
      h.headFlows = false;
      await h.rendered();
      if (run !== this.#run) return;
    }
    const all = h.pieces();
    if (!(await show(all))) return;
    let pages: Piece[][] | null | undefined = [all];
    const fitsAt = (s: number) => (h.style.setProperty('--fs', `calc(var(--u)*${s})`), !this.#over());
    let [lo, hi] = [FONT_FLOOR, h.fontMax ?? FONT_MAX];
    if (fitsAt(hi)) lo = hi;
    else if (fitsAt(lo)) {
      while (lo < hi - 1) {
        const mid = (lo + hi) >> 1;
        if (fitsAt(mid)) lo = mid;
        else hi = mid;
      }
      fitsAt(lo);
    } else {
      const flows = h.headBlocks().length > 0;
      for (const [i, ts] of TITLE_STEPS.entries()) {
        h.style.setProperty('--ts', String(ts));
        pages = await this.#paginate(all, show, !flows && i === TITLE_STEPS.length - 1);
        if (pages === undefined) return;
        if (pages) break;
      }
      if (!pages && flows) {
        h.headFlows = true;
        pages = await this.#paginate(h.pieces(), show, true);
        if (pages === undefined) return;
      }
    }
    if (!pages) return;
    h.pages = pages;
    if (!(await show(pages[Math.min(h.page, pages.length - 1)]!))) return;
    const box = this.#box();
    if (box) {
      this.#boxSize = sizeOf(box);
      this.#ro?.observe(box);
    }
    h.dispatchEvent(new CustomEvent('kiosk-pages', { detail: pages.length, bubbles: true, composed: true }));
  }
}
