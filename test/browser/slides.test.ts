import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { KioskSlide } from '../../src/ui/slide.ts';
import { slideTemplate } from '../../src/ui/slide-template.ts';
import { ITEMS, mount, textOf, slideData, unmountAll, until } from './helpers.ts';

const $ = (el: Element, sel: string) => el.querySelector<HTMLElement>(sel);
const $$ = (el: Element, sel: string) => [...el.querySelectorAll<HTMLElement>(sel)];

describe('slides', () => {
  afterEach(unmountAll);

  it('health: title, summary, points and the picture, with data-item and data-kind', async () => {
    const el = await mount<KioskSlide>(slideTemplate(await slideData(ITEMS.health), 0, true));
    expect(el.localName).to.equal('kiosk-health');
    expect(el.dataset.item).to.equal('health/chongyang');
    expect(el.dataset.kind).to.equal('health');
    expect($(el, 'h1')!.textContent).to.equal('重陽登高 量力而行');
    expect($$(el, '.pt').map((p) => p.textContent)).to.deep.equal(ITEMS.health.points);
    expect($(el, '.sum')!.textContent).to.equal('登高望遠是重陽習俗，長者出行以安全為先。');
    const img = $(el, 'img.pic') as HTMLImageElement;
    expect(img.alt).to.equal('長者結伴登山');
    expect(img.naturalWidth).to.be.greaterThan(0);
    expect(textOf(el)).to.contain('健康提示');
    expect(el.lang).to.equal('zh-Hant');
  });

  it('a picture that fails to load (its cache cleared, offline) is left out: no broken icon, the words stay', async () => {
    const gone = (path: string) => `/__missing__/${path}`;
    const health = await mount<KioskSlide>(slideTemplate(await slideData(ITEMS.health, { assetUrl: gone }), 0, true));
    await until(() => !$(health, 'img.pic'));
    expect($(health, 'h1')!.textContent).to.equal('重陽登高 量力而行');
    expect($$(health, '.pt').length).to.equal(ITEMS.health.points!.length);
    const safety = await mount<KioskSlide>(slideTemplate(await slideData(ITEMS.safety, { assetUrl: gone }), 0, true));
    await until(() => !$(safety, 'img.poster'));
    expect(safety.hasAttribute('poster')).to.equal(false);
    expect($(safety, 'h1')!.textContent).to.equal(ITEMS.safety.title);
  });

  it('LocalText falls back: zh-Hans text where given, else zh-Hant', async () => {
    const el = await mount<KioskSlide>(slideTemplate(await slideData(ITEMS.health, { locale: 'zh-Hans' }), 0, true));
    expect($(el, 'h1')!.textContent).to.equal('重阳登高 量力而行');
    expect($(el, '.sum')!.textContent).to.equal('登高望遠是重陽習俗，長者出行以安全為先。');
    expect(el.lang).to.equal('zh-Hans');
    expect(textOf(el)).to.contain('健康提示');
  });

  it('policy: meeting title, date, issuer, points and the 「示例」 mark', async () => {
    const el = await mount<KioskSlide>(slideTemplate(await slideData(ITEMS.policy), 0, true));
    expect(el.dataset.kind).to.equal('policy');
    expect($(el, 'h1')!.textContent).to.equal('社區養老服務 會議精神');
    expect($(el, '.meta')!.textContent).to.equal('2026年3月18日 · 營市街街道黨工委');
    expect($(el, '.mark')!.textContent).to.equal('示例');
    expect($$(el, '.pt')).to.have.length(3);
  });

  it('policy without `sample` has no 「示例」 mark', async () => {
    const el = await mount<KioskSlide>(slideTemplate(await slideData({ ...ITEMS.policy, sample: undefined }), 0, true));
    expect($(el, '.mark')).to.equal(null);
  });

  it('safety: the poster full-bleed with its caption', async () => {
    const el = await mount<KioskSlide>(slideTemplate(await slideData(ITEMS.safety), 0, true));
    expect(el.dataset.kind).to.equal('safety');
    expect(el.hasAttribute('poster')).to.equal(true);
    const img = $(el, 'img.poster') as HTMLImageElement;
    expect(img.alt).to.equal('電暖器旁的插座冒出火苗');
    const [r, host] = [img.getBoundingClientRect(), el.getBoundingClientRect()];
    expect([r.left, r.top, r.height]).to.deep.equal([host.left, host.top, host.height]);
    expect($(el, '.cap')!.getBoundingClientRect().left).to.be.closeTo(r.right, 1);
    expect($(el, '.cap h1')!.textContent).to.equal('冬季防火 人走斷電');
    expect($(el, '.cap .sum')!.textContent).to.contain('發現火情撥打119');
  });

  it('safety without a picture is a text slide with its points', async () => {
    const el = await mount<KioskSlide>(slideTemplate(await slideData({ ...ITEMS.safety, image: undefined }), 0, true));
    expect(el.hasAttribute('poster')).to.equal(false);
    expect($$(el, '.pt')).to.have.length(2);
  });

  it('event: what, countdown, when, where and the QR code as an <img>', async () => {
    const d = await slideData(ITEMS.event);
    d.slide.countdown = { state: 'upcoming', days: 3 };
    const el = await mount<KioskSlide>(slideTemplate(d, 0, true));
    expect(el.dataset.kind).to.equal('event');
    expect($(el, 'h1')!.textContent).to.equal('科普之冬保安全 主題活動');
    expect($(el, '.cd')!.textContent).to.equal('還有 3 天');
    expect($$(el, '.meta').map((m) => m.textContent)).to.deep.equal(['時間：10月21日 星期三 09:00–11:30', '地點：綠園社區活動中心']);
    const qr = $(el, '.qr img') as HTMLImageElement;
    expect(qr.src).to.match(/fixtures\/qr\.svg$/);
    expect(qr.naturalWidth).to.be.greaterThan(0);
    expect($(el, '.qr figcaption')!.textContent).to.equal('掃碼報名');
  });

  for (const [c, text] of [[{ state: 'today' }, '今天'], [{ state: 'running' }, '進行中']] as const) {
    it(`event countdown: ${text}`, async () => {
      const d = await slideData(ITEMS.event);
      d.slide.countdown = c;
      const el = await mount<KioskSlide>(slideTemplate(d, 0, true));
      expect($(el, '.cd')!.textContent).to.equal(text);
    });
  }

  it('event words in English', async () => {
    const d = await slideData(ITEMS.event, { locale: 'en' });
    d.slide.countdown = { state: 'upcoming', days: 1 };
    const el = await mount<KioskSlide>(slideTemplate(d, 0, true));
    expect($(el, '.cd')!.textContent).to.equal('1 day to go');
    expect($(el, '.meta')!.textContent).to.equal('When: Wednesday 21 October 09:00–11:30');
  });

  it('notice: body paragraphs and who issued it', async () => {
    const el = await mount<KioskSlide>(slideTemplate(await slideData(ITEMS.notice), 0, true));
    expect(el.dataset.kind).to.equal('notice');
    expect($$(el, '.body').map((p) => p.textContent)).to.deep.equal(['課程免費，歡迎居民參加。', '每週二、週四上午上課。']);
    expect($(el, '.meta')!.textContent).to.equal('綠園社區居委會');
  });

  it('alert: black on yellow, the 「示例」 mark', async () => {
    const el = await mount<KioskSlide>(slideTemplate(await slideData(ITEMS.alert), 0, true));
    expect(el.dataset.kind).to.equal('alert');
    const cs = getComputedStyle(el);
    expect(cs.backgroundColor).to.equal('rgb(255, 214, 10)');
    expect(getComputedStyle($(el, 'h1')!).color).to.equal('rgb(0, 0, 0)');
    expect(textOf(el)).to.contain('緊急通知');
  });

  it('built-in card: date, lunar date, solar term, the festival of the day and the health line of the term', async () => {
    const el = await mount<KioskSlide>(slideTemplate(await slideData(undefined), 0, true));
    expect(el.localName).to.equal('kiosk-today');
    expect(el.dataset.item).to.equal('builtin/today');
    expect(el.dataset.kind).to.equal('notice');
    expect($(el, 'h1')!.textContent).to.equal('2026年10月18日 星期日');
    expect($$(el, '.big').map((p) => p.textContent)).to.deep.equal(['九月初九', '節氣：寒露', '重陽節']);
    expect($(el, '.sum')!.textContent).to.equal('寒露腳下先冷，注意足部保暖。');
  });

  it('content text is never parsed as HTML', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><b>粗體</b>';
    const el = await mount<KioskSlide>(slideTemplate(await slideData({ ...ITEMS.notice, title: evil, body: evil }), 0, true));
    expect($(el, 'h1')!.textContent).to.equal(evil);
    expect($(el, 'h1 b')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('a slide fading out carries no data-item', async () => {
    const el = await mount<KioskSlide>(slideTemplate(await slideData(ITEMS.notice), 0, false));
    expect(el.hasAttribute('data-item')).to.equal(false);
  });

  it('renders nothing without data', async () => {
    const el = await mount<KioskSlide>(html`<kiosk-notice></kiosk-notice>`);
    expect(el.childElementCount).to.equal(0);
  });
});
