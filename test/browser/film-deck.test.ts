/**
 * The film deck on real slides in Chromium: a film stays on its slide when its poster fails, a
 * cue overtaken by a newer one never attaches, and a film beyond the pool is let go when it
 * leaves the glass. The film is the sample's (content/assets/safety/earthquake-drill.webm).
 */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { CompiledItem } from '../../src/content/schema.ts';
import type { Slide } from '../../src/frame/glass.ts';
import { cue, filmElements, type FilmHost } from '../../src/ui/film-deck.ts';
import '../../src/ui/kiosk-health.ts';
import '../../src/ui/kiosk-safety.ts';
import type { KioskSlide } from '../../src/ui/slide.ts';
import { CHONGYANG, ITEMS, mount, slideData, unmountAll, until } from './helpers.ts';

const FILM = '/content/assets/safety/earthquake-drill.webm';
const FILES: Record<string, string> = {
  'assets/drill.webm': FILM,
  'assets/drill.jpg': '/content/assets/safety/earthquake-drill.jpg',
  'assets/gone.png': '/no/such/poster.png',
};
const url = (p: string) => FILES[p];
const filmed = (item: CompiledItem, poster: string): CompiledItem =>
  ({ ...item, video: 'assets/drill.webm', poster, film: { seconds: 8, type: 'video/webm', width: 640, height: 360 } });

/** A host shaped like <kiosk-app> as the deck reads it, with `slides` on its top layer. */
async function host(tag: 'kiosk-health' | 'kiosk-safety', item: CompiledItem): Promise<{ app: FilmHost; el: KioskSlide }> {
  const data = await slideData(item, { assetUrl: url });
  const app = await mount<FilmHost>(html`<div><div class="layer top">${tag === 'kiosk-health'
    ? html`<kiosk-health data-item=${item.id} .data=${data}></kiosk-health>`
    : html`<kiosk-safety data-item=${item.id} .data=${data}></kiosk-safety>`}</div></div>`);
  Object.assign(app, { clock: { now: () => CHONGYANG }, frames: { assets: () => url }, updateComplete: Promise.resolve(true) });
  const el = app.querySelector<KioskSlide>('[data-item]')!;
  await el.updateComplete;
  return { app, el };
}

const video = (el: Element) => el.querySelector('video');

describe('the film deck', () => {
  afterEach(unmountAll);

  for (const [tag, item] of [['kiosk-health', ITEMS.health], ['kiosk-safety', ITEMS.safety]] as const) {
    it(`${tag}: the film stays on its slide when its poster fails to load`, async () => {
      const { app, el } = await host(tag, filmed(item, 'assets/drill.jpg'));
      const poster = el.querySelector('img.pic, img.poster')!;
      await cue(app, CHONGYANG, undefined);
      expect(video(el)?.getAttribute('src')).to.equal(FILM);
      // The poster fails after the film took its place (its request was still under way).
      poster.dispatchEvent(new Event('error'));
      await until(() => el.broken.size === 1);
      await el.updateComplete;
      expect(video(el), 'the film is still on the slide').to.not.equal(null);
      expect(video(el)!.isConnected).to.equal(true);
    });
  }

  it('a picture that fails on a slide without a film is still left out (no broken icon)', async () => {
    const { el } = await host('kiosk-health', { ...ITEMS.health, image: 'assets/gone.png' });
    await until(() => el.broken.size === 1);
    await el.updateComplete;
    expect(el.querySelector('img.pic')).to.equal(null);
  });

  it('a cue overtaken by a newer one never attaches its film (nor seeks it to the older slide\'s time)', async () => {
    // A film longer than its slide (no loop): a cue seeks to the time since its slide started.
    const item = { ...filmed(ITEMS.health, 'assets/drill.jpg'), film: { seconds: 30, type: 'video/webm', width: 640, height: 360 } };
    const { app, el } = await host('kiosk-health', item);
    const seeks: number[] = [];
    const time = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'currentTime')!;
    Object.defineProperty(HTMLMediaElement.prototype, 'currentTime', {
      ...time, set(this: HTMLMediaElement, t: number) { seeks.push(t); time.set!.call(this, t); },
    });
    try {
      // The slide on air changes before the first cue's render is awaited: its start was 6 s ago.
      const old = cue(app, CHONGYANG - 6_000, undefined);
      const latest = cue(app, CHONGYANG, undefined);
      await Promise.all([old, latest]);
    } finally {
      Object.defineProperty(HTMLMediaElement.prototype, 'currentTime', time);
    }
    expect(el.querySelectorAll('video').length).to.equal(1);
    expect(seeks.filter((t) => t > 0), 'seeks into the film').to.deep.equal([]);
  });

  it('never holds more than the pool once films leave the glass', async () => {
    const slides: { app: FilmHost; el: KioskSlide }[] = [];
    for (let i = 0; i < 3; i++) {
      slides.push(await host('kiosk-health', filmed({ ...ITEMS.health, id: `health/f${i}` }, 'assets/drill.jpg')));
      await cue(slides[i]!.app, CHONGYANG, { id: 'x', item: filmed(ITEMS.health, 'assets/drill.jpg') } as Slide);
    }
    // Three films on glass at once: one beyond the pool, for the moment.
    expect(filmElements().length).to.equal(3);
    unmountAll();
    slides[0]!.app.dispatchEvent(new Event('animationend'));
    await until(() => filmElements().length === 2);
    expect(filmElements().every((v) => !v.isConnected)).to.equal(true);
  });
});
