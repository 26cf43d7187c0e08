/**
 * <kiosk-app>: the whole screen. It asks its frame source for the frame of the instant
 * (src/frame/frame-source.ts) at a few moments only: a slide or page boundary (one setTimeout), the
 * turn of each minute (one setTimeout, for the clock and the screen hours), and new content.
 * New content waits for the next slide boundary, except an emergency alert, which interrupts
 * at once. It fires `kiosk-slide-change` whenever a new slide goes on air (app updates wait
 * for it). It imports no schedule and no calendar: frames are plain data, drawn with the few
 * helpers of src/frame/glass.ts.
 *
 * @example html`<kiosk-app .screenId=${'lvyuan-gate'} .clock=${clock} .frames=${frames}></kiosk-app>`
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Clock } from '../frame/clock.ts';
import { DEFAULT_SETTINGS } from '../content/defaults.ts';
import type { Kind } from '../content/keys.ts';
import { localText, localTime } from '../frame/glass.ts';
import { AlarmController } from './alarm-controller.ts';
import { loadingPage, offPage, screensPage } from './app-pages.ts';
import './kiosk-header.ts';
import type { StatusFeed } from './kiosk-status.ts';
import './kiosk-status.ts';
import { pageAt, pageSpan, type Layer } from './layer.ts';
import { LightElement } from './light-element.ts';
import type { Frame, Loop } from '../frame/frame-at.ts';
import type { FrameSource } from '../frame/frame-source.ts';
import { slideAt, type OnAir } from '../frame/slide-at.ts';
import { slideData } from '../frame/slide-data.ts';
import { slideTemplate } from './slide-template.ts';
import { WakeLockController } from './wake-lock-controller.ts';
import { words } from '../frame/words.ts';

/** The ids of an emergency loop ('' when none): a change in them must show at once. */
const emergencies = (s: Frame | null | undefined) =>
  s?.loop?.mode === 'emergency' ? s.loop.slides.map((x) => x.id).join() : '';

/**
 * When the loop changes (new content, a rule that starts or ends), the position t mod length
 * can land mid-slide. Rather than show a slide's tail, or the item just shown again, start the
 * slide now, or, with less than half of it left, the next one; from its end the loop runs as
 * planned again.
 */
function joinLoop(playlist: Loop, air: OnAir, prev: OnAir, now: number): OnAir {
  // Just begun, or the very slide on air (the loop did not change under it): as planned.
  if (now - air.startsAt < 1000 || (air.slide.id === prev.slide.id && air.startsAt === prev.startsAt)) return air;
  const left = air.endsAt - now;
  if (left * 2 >= air.endsAt - air.startsAt && air.slide.id !== prev.slide.id) return { ...air, startsAt: now };
  const next = slideAt(playlist, air.endsAt);
  return { ...next, startsAt: now };
}

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

export class KioskApp extends LightElement {
  static override properties = {
    screenId: { attribute: 'screen-id' }, clock: { attribute: false }, frames: { attribute: false }, status: { attribute: false },
  };
  declare screenId: string | undefined;
  /** The sync status for the corner mark (none: no mark). */
  declare status: StatusFeed | undefined;
  declare clock: Clock | undefined;
  declare frames: FrameSource | undefined;

  /** undefined: nothing to show yet; null: the content has no such screen. */
  #frame: Frame | null | undefined;
  #now = 0;
  /** The slot on top and the slide (if any) fading out under it. */
  #slots: (Layer | undefined)[] = [undefined, undefined];
  #top = 0;
  /** Pages of the slide on top, as its fit reported. */
  #pages = 1;
  #unsubscribe: (() => void) | undefined;
  #slideAlarm = new AlarmController(this, () => this.#untilTurn(), () => this.#turn());
  /** The turn of the minute, or a change of frame before it (an alert due at 09:00:30). */
  #minuteAlarm = new AlarmController(this, () => this.#untilCheck(), () => this.#check());

  constructor() {
    super();
    new WakeLockController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #listen(): void {
    if (this.frames && !this.#unsubscribe && this.isConnected) this.#unsubscribe = this.frames.subscribe(() => this.#received());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('frames')) {
      this.#unsubscribe?.();
      this.#unsubscribe = undefined;
      this.#listen();
    }
    if (changed.has('frames') || changed.has('screenId') || changed.has('clock')) this.#apply();
  }

  /** New frames (new content): they go on air at the next slide boundary, unless urgent. */
  #received(): void {
    if (this.#slots[this.#top]) this.#check();
    else this.#apply();
  }

  #frameAt(now: number): Frame | null | undefined {
    try {
      return this.frames?.frameAt(now);
    } catch (e) {
      console.error('kiosk: no plan for this instant; showing the clock', e);
      return undefined;
    }
  }

  /** Each minute and on new content: only switching on/off or a new emergency cannot wait. */
  #check(): void {
    const cur = this.#frame;
    if (!this.clock || !cur?.loop || !this.#slots[this.#top]) return this.#apply();
    const now = this.clock.now();
    const next = this.#frameAt(now);
    // Emergency alerts coming, going or changing cannot wait for the end of a slide.
    if (!next?.loop || emergencies(next) !== emergencies(cur)) return this.#apply();
    this.#now = now;
    this.requestUpdate();
  }

  /** Puts on air what the schedule says for now (a slide boundary, or something urgent). */
  #apply(): void {
    if (!this.clock) return;
    const now = (this.#now = this.clock.now());
    const frame = (this.#frame = this.#frameAt(now));
    const cur = this.#slots[this.#top];
    const onAir = frame?.loop && slideAt(frame.loop, now);
    const air = onAir && cur ? joinLoop(frame.loop!, onAir, cur.air, now) : onAir;
    if (!frame || !air) this.#slots = [undefined, undefined];
    else {
      const key = `${air.slide.id}@${air.startsAt}`;
      const orientation = frame.screen.orientation ?? (this.clientHeight > this.clientWidth ? 'portrait' : 'landscape');
      // The pictures of the frames this slide was made from, whatever newer frames bring.
      const assetUrl = cur?.key === key ? cur.data.assetUrl : this.frames!.assets();
      const data = slideData(frame, air.slide, now, orientation === 'portrait', assetUrl);
      if (cur?.key === key) Object.assign(cur, { air, data });
      else {
        this.#pages = 1;
        if (cur && !reducedMotion()) this.#top ^= 1;
        else this.#slots[this.#top ^ 1] = undefined;
        this.#slots[this.#top] = { key, air, data, page: 0, still: !cur };
        // Films: a lazy module, loaded when this slide or the next has one (./film-deck.ts).
        const next = slideAt(frame.loop!, air.endsAt).slide;
        if (air.slide.item?.video || next.item?.video) void import('./film-deck.ts').then((m) => m.cue(this, air.startsAt, next));
        this.dispatchEvent(new CustomEvent('kiosk-slide-change', { detail: { item: air.slide.id, kind: air.slide.kind } }));
      }
    }
    this.#slideAlarm.arm();
    this.#minuteAlarm.arm();
    this.requestUpdate();
  }

  #untilCheck(): number | undefined {
    if (!this.clock) return undefined;
    const now = this.clock.now();
    const minute = 60_000 - (now % 60_000);
    const next = this.frames?.nextChange?.(now);
    return next !== undefined && next - now < minute ? next - now : minute;
  }

  #untilTurn(): number | undefined {
    const l = this.#slots[this.#top];
    return l && this.clock ? pageSpan(l, this.#pages)[1] - this.clock.now() : undefined;
  }

  /** A page or slide boundary. */
  #turn(): void {
    const l = this.#slots[this.#top];
    const now = this.clock?.now() ?? 0;
    if (l && this.#pages > 1 && now < l.air.endsAt) {
      l.page = pageAt(l, this.#pages, now);
      this.requestUpdate();
    } else this.#apply();
  }

  #paged(l: Layer, e: CustomEvent<number>): void {
    if (l !== this.#slots[this.#top]) return;
    this.#pages = e.detail;
    l.page = pageAt(l, this.#pages, this.clock?.now() ?? l.air.startsAt);
    this.#slideAlarm.arm();
    this.requestUpdate();
  }

  #faded(l: Layer, e: AnimationEvent): void {
    if (e.target !== e.currentTarget || l !== this.#slots[this.#top] || !this.#slots[this.#top ^ 1]) return;
    this.#slots[this.#top ^ 1] = undefined;
    this.requestUpdate();
  }

  override render(): unknown {
    const s = this.#frame;
    const locale = s?.locale ?? DEFAULT_SETTINGS.locale;
    const w = words(locale);
    if (s === null) return screensPage(w, locale, this.frames?.screens() ?? [], this.screenId);
    const tz = s?.timeZone ?? DEFAULT_SETTINGS.timeZone;
    const time = localTime(this.#now, tz);
    if (!s) return loadingPage(w, time);
    if (!s.on) return offPage(time);
    const lines = { ...s.day, time };
    return html`<kiosk-header ?portrait=${this.#slots[this.#top]?.data.portrait} .place=${localText(s.screen.name, locale)} .lines=${lines}></kiosk-header>${
      this.#slots.map((l, i) => (l ? keyed(l.key, this.#layer(l, i === this.#top)) : nothing))}${
      this.status ? html`<kiosk-status .status=${this.status} .locale=${locale} .timeZone=${tz}></kiosk-status>` : nothing}`;
  }

  #layer(l: Layer, top: boolean): TemplateResult {
    const [start, end] = pageSpan(l, this.#pages);
    return html`<div class="layer${top ? ' top' : ''}${l.still ? ' still' : ''}${l.air.slide.kind === 'alert' ? ' full' : ''}"
      @kiosk-pages=${(e: CustomEvent<number>) => this.#paged(l, e)} @animationend=${(e: AnimationEvent) => this.#faded(l, e)}>${
      slideTemplate(l.data, l.page, top)}${top ? keyed(`${start}-${end}`, html`<div class="bar" data-start=${start} data-end=${end}></div>`) : nothing}</div>`;
  }

  protected override updated(): void {
    const s = this.#frame;
    const air = s?.on ? this.#slots[this.#top]?.air : undefined;
    const slide = air?.slide;
    const set = (name: string, v: unknown) => (v === undefined ? this.removeAttribute(name) : this.setAttribute(name, `${v}`));
    set('data-item', slide?.id);
    set('data-kind', slide?.kind);
    // The slide's span on air: what proof of play records (src/bridge/air-report.ts).
    set('data-since', air?.startsAt);
    set('data-until', air?.endsAt);
    set('data-state', s === null ? 'screens' : !s ? 'loading' : s.on ? 'on' : 'off');
    this.lang = s?.locale ?? DEFAULT_SETTINGS.locale;
    this.toggleAttribute('portrait', !!this.#slots[this.#top]?.data.portrait);
    // The progress bar: a CSS animation as long as the page, started part-way for a mid-page start.
    const bar = this.renderRoot.querySelector<HTMLElement>('.top .bar');
    if (bar && !bar.style.length && this.clock) {
      const [start, end] = [Number(bar.dataset.start), Number(bar.dataset.end)];
      bar.style.setProperty('--d', `${end - start}ms`);
      bar.style.setProperty('--t', `${start - this.clock.now()}ms`);
    }
  }
}

customElements.define('kiosk-app', KioskApp);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
  interface HTMLElementEventMap {
    /** A new slide went on air (not fired for page turns). */
    'kiosk-slide-change': CustomEvent<{ item: string; kind: Kind }>;
  }
}
