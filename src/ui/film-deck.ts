/**
 * Films on the glass: the lazy module <kiosk-app> imports only when the slide going on air, or
 * the one after it, has a film (so a screen without films never loads it, and the kiosk entry
 * pays a few bytes for the hook). The service worker precaches it with the rest of the app.
 *
 * - Two <video> elements, reused for every film (muted, inline, preloaded): a thousand films
 *   leave two media elements and their decoders, never more.
 * - The slide draws the film's poster as its picture (`img.pic`, or the safety slide's
 *   full-bleed `img.poster`); the film takes that picture's place and box, with the same
 *   picture as its `poster`, so the glass shows the poster until the film's first frame.
 * - At each slide change the next slide's film is loaded into the free element, so at the
 *   boundary its first frame is already decoded: no black frame between two films, or
 *   between a film and a picture (the layers crossfade over each other).
 * - A film joins its slide where the clock says (a reload mid-slide seeks: the service worker
 *   answers the Range requests from its cache), loops when the slide is longer than the film,
 *   and holds its last frame otherwise.
 */
import type { Clock } from '../frame/clock.ts';
import type { FrameSource } from '../frame/frame-source.ts';
import type { Slide } from '../frame/glass.ts';
import type { SlideData } from '../frame/slide-data.ts';

/** What the deck reads of <kiosk-app> (a structural type: no import of the app). */
export interface FilmHost extends HTMLElement {
  clock: Clock | undefined;
  frames: FrameSource | undefined;
  updateComplete: Promise<boolean>;
}

type SlideElement = HTMLElement & { data?: SlideData; updateComplete?: Promise<boolean> };

const POOL = 2;
const pool: HTMLVideoElement[] = [];
/** Beyond the pool for a moment (a film went on air while both were on glass); released when off it. */
const extras = new Set<HTMLVideoElement>();
/** The latest cue: an older one still awaiting the render never attaches (its slide has gone). */
let cues = 0;
/** The film to preload once an element is free (both were on glass during a crossfade). */
let wanted: string | undefined;
const hosts = new WeakSet<FilmHost>();

function make(): HTMLVideoElement {
  const v = document.createElement('video');
  v.muted = true;
  v.defaultMuted = true;
  v.playsInline = true;
  v.preload = 'auto';
  v.disableRemotePlayback = true;
  return v;
}

/** A <video> on no slide, best one holding `url`; a new one while the pool is not full. */
function free(url: string): HTMLVideoElement | undefined {
  const idle = pool.filter((v) => !v.isConnected);
  const v = idle.find((x) => x.getAttribute('src') === url) ?? idle[0];
  if (v) return v;
  if (pool.length >= POOL) return undefined;
  pool.push(make());
  return pool[pool.length - 1];
}

/** Loads `url` into a free element (its first frame decoded before it is needed). */
export function preload(url: string): void {
  const v = free(url);
  if (!v) {
    wanted = url;
    return;
  }
  wanted = undefined;
  if (v.getAttribute('src') !== url) v.src = url;
  else if (v.currentTime !== 0) v.currentTime = 0;
}

/** The film element for a slide: the preloaded one if any (beyond the pool only for a moment). */
function take(url: string): HTMLVideoElement {
  let v = free(url);
  if (!v) extras.add((v = make()));
  if (v.getAttribute('src') !== url) v.src = url;
  return v;
}

/** Lets the extras that left the glass go, decoder and all. */
function release(): void {
  for (const v of extras) {
    if (v.isConnected) continue;
    v.removeAttribute('src');
    v.load();
    extras.delete(v);
  }
}

/** Puts the film on the slide element, in its picture's place. */
function attach(el: SlideElement, url: string, startsAt: number, clock: Clock | undefined): void {
  if (el.querySelector('video')) return;
  const img = el.querySelector<HTMLImageElement>('img.pic, img.poster');
  const v = take(url);
  v.className = img?.className ?? 'pic';
  v.poster = img?.currentSrc || img?.src || '';
  v.setAttribute('aria-label', img?.alt ?? '');
  const slide = el.data?.slide;
  const film = slide?.item?.film?.seconds ?? 0;
  v.loop = !!slide && film > 0 && slide.seconds > film + 1;
  if (img) img.replaceWith(v);
  else (el.querySelector('.aside') ?? el.querySelector('.main') ?? el).append(v);
  const at = clock ? (clock.now() - startsAt) / 1000 : 0;
  if (at > 0.5) v.currentTime = film > 0 && !v.loop ? Math.min(at, film) : film > 0 ? at % film : at;
  else if (v.currentTime !== 0) v.currentTime = 0;
  void v.play().catch(() => undefined);
}

/**
 * Called by <kiosk-app> when a slide goes on air and it or the next one has a film.
 * @param startsAt when the slide on air started (ms)
 */
export async function cue(app: FilmHost, startsAt: number, next: Slide | undefined): Promise<void> {
  if (!hosts.has(app)) {
    hosts.add(app);
    // A crossfade ended: the slide under it leaves the glass, and its element is free again.
    app.addEventListener('animationend', () => void app.updateComplete.then(() => {
      release();
      if (wanted) preload(wanted);
    }));
  }
  const call = ++cues;
  await app.updateComplete;
  const el = app.querySelector<SlideElement>('.layer.top > [data-item]');
  await el?.updateComplete;
  if (call !== cues) return;
  const item = el?.data?.slide.item;
  const url = item?.video && el?.data?.assetUrl(item.video);
  if (el && url) attach(el, url, startsAt, app.clock);
  const nextFilm = next?.item?.video && app.frames?.assets()(next.item.video);
  if (nextFilm) preload(nextFilm);
}

/** The media elements the deck holds (for tests and the bench: never more than two stay). */
export function filmElements(): readonly HTMLVideoElement[] {
  return [...pool, ...extras];
}
