/**
 * Text fitting, fuzzed: deterministic random CJK (and some English) titles, summaries and
 * points never overflow their box at 1920×1080 or 1080×1920, the font never goes under the
 * floor (40 px at 1080p), no words are lost or repeated across pages, and pages end only
 * where a sentence or a point ends.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { Kind, Locale } from '../../src/content/keys.ts';
import type { CompiledItem } from '../../src/content/schema.ts';
import { FONT_FLOOR } from '../../src/ui/fit-controller.ts';
import type { KioskSlide } from '../../src/ui/slide.ts';
import { slideTemplate } from '../../src/ui/slide-template.ts';
import { rng } from '../fixtures/schedule/synthetic-items.ts';
import { mount, slideData, unmountAll, until } from './helpers.ts';

const HAN = '的一是在不了有和人這中大為上個國我以要他時來用們生到作地於出就分對成會可主發年動同工也能下過子說產種面而方後多定行學法所民得經十三之進著等部度家電力裡如水化高自二理起小物現實加量都兩體制機當使點從業本去把性好應開它合還因由其些然前外天政四日那社義事平形相全表間樣與關各重新線內數正心反你明看原又麼利比或但質氣第向道命此變條只沒結解問意建月公無系軍很情者最立代想已通並提直題黨程展五果料象員革位入常文總次品式活設及管特件長求老頭基資邊流路級少圖山統接知較將組見計別她手角期根論運農指幾九區強放決西被幹做必戰先回則任取據處府研';
const WORDS = 'please keep warm drink water walk slowly call your family doctor community centre free health check every morning elderly residents safety fire exit'.split(' ');

interface Case {
  kind: Kind;
  locale: Locale;
  item: CompiledItem;
}

function makeCase(seed: number): Case {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const en = seed % 6 === 5;
  const sentence = (lo: number, hi: number) => {
    if (en) {
      const words = Array.from({ length: int(Math.ceil(lo / 3), Math.ceil(hi / 3)) }, () => WORDS[int(0, WORDS.length - 1)]!);
      return `${words.join(' ')}${'.!?'[int(0, 2)]} `;
    }
    let s = '';
    const n = int(lo, hi);
    for (let i = 0; i < n; i++) {
      s += HAN[int(0, HAN.length - 1)];
      if (i > 2 && i < n - 2 && r() < 0.12) s += '，';
    }
    return s + '。！？'[int(0, 2)];
  };
  const text = (sentences: number, lo: number, hi: number) => Array.from({ length: sentences }, () => sentence(lo, hi)).join('').trim();
  const kinds: Kind[] = ['health', 'policy', 'event', 'notice', 'alert', 'safety'];
  const kind = kinds[seed % kinds.length]!;
  const item: CompiledItem = {
    id: `fuzz/${seed}`, kind, title: text(1, 4, 22).replace(/[。！？.!?]$/, ''),
    points: Array.from({ length: int(0, 14) }, () => text(int(1, 3), 4, 40)),
  };
  if (r() < 0.6) item.summary = text(int(1, 4), 6, 40);
  if (r() < 0.3) item.body = `${text(int(1, 3), 6, 40)}\n${text(int(1, 3), 6, 40)}`;
  if (r() < 0.5) item.source = text(1, 4, 14);
  if (kind === 'health' && r() < 0.5) Object.assign(item, { image: 'assets/climb.svg', imageAlt: '圖' });
  if (kind === 'safety' && r() < 0.5) Object.assign(item, { image: 'assets/poster.svg', imageAlt: '海報' });
  if (kind === 'event') {
    item.event = { starts: '2026-10-21T09:00:00+08:00', ends: '2026-10-22T11:30:00+08:00', place: text(1, 4, 30) };
    if (r() < 0.7) Object.assign(item, { link: 'https://example.org/x', qr: 'qr/signup.svg' });
  }
  if (kind === 'policy') Object.assign(item, { date: '2026-03-18', sample: r() < 0.5 });
  return { kind, locale: en ? 'en' : 'zh-Hant', item };
}

export const CASES = Array.from({ length: 30 }, (_, i) => makeCase(1000 + i * 7919));
const SCREENS = [
  { width: 1920, height: 1080, header: 150, portrait: false },
  { width: 1080, height: 1920, header: 230, portrait: true },
];

const ENDS = /[。！？.!?]\s*$/u;

describe('text fitting (fuzzed)', function () {
  this.timeout(120_000);
  afterEach(unmountAll);
  after(() => setViewport({ width: 800, height: 600 }));

  for (const screen of SCREENS) {
    it(`${CASES.length} random slides at ${screen.width}×${screen.height}: no overflow, font ≥ floor, nothing lost`, async () => {
      await setViewport({ width: screen.width, height: screen.height });
      let paged = 0;
      for (const [n, c] of CASES.entries()) {
        const d = await slideData(c.item, { locale: c.locale, portrait: screen.portrait });
        if (c.kind === 'event') d.slide.countdown = { state: 'upcoming', days: 3 };
        const el = await mount<KioskSlide>(slideTemplate(d, 0, true), '100vw', `calc(100vh - ${screen.header}px)`);
        const where = `case ${n} (${c.kind}, ${c.locale}, ${el.pages.length} pages)`;
        const shown: string[] = [];
        if (el.pages.length > 1) paged++;
        for (let k = 0; k < el.pages.length; k++) {
          el.page = k;
          await el.updateComplete;
          const box = el.querySelector<HTMLElement>('.fit')!;
          expect(box.scrollHeight, `${where} page ${k + 1}: height`).to.be.at.most(box.clientHeight + 1);
          expect(box.scrollWidth, `${where} page ${k + 1}: width`).to.be.at.most(box.clientWidth + 1);
          for (const t of box.querySelectorAll('h1, p')) {
            expect(parseFloat(getComputedStyle(t).fontSize), `${where}: font of ${t.className || t.localName}`).to.be.at.least(FONT_FLOOR - 0.01);
          }
          shown.push(...[...box.querySelectorAll('.sum, .body, .pt')].map((p) => p.textContent ?? ''));
          const page = el.pages[k]!;
          const next = el.pages[k + 1]?.[0];
          if (next && !next.first) expect(page[page.length - 1]!.text, `${where}: page ${k + 1} ends mid-sentence`).to.match(ENDS);
        }
        const all = el.pages.flat().map((p) => p.text).join('');
        expect(shown.join(''), `${where}: text across pages`).to.equal(all);
        expect(all, `${where}: every piece`).to.equal(el.pieces().map((p) => p.text).join(''));
        unmountAll();
      }
      expect(paged, 'some cases need pages').to.be.greaterThan(3);
    });
  }

  it('a sentence taller than a page is cut at its commas, never mid-clause', async () => {
    await setViewport({ width: 1920, height: 1080 });
    const clause = '社區居民請注意這是一段很長的句子的一個分句';
    const long = `${Array.from({ length: 60 }, (_, i) => `${clause}${i}`).join('，')}。`;
    const d = await slideData({ id: 'long', kind: 'notice', title: '長句', points: [long] });
    const el = await mount<KioskSlide>(slideTemplate(d, 0, true), '100vw', 'calc(100vh - 150px)');
    expect(el.pages.length).to.be.greaterThan(1);
    for (const page of el.pages.slice(0, -1)) expect(page[page.length - 1]!.text).to.match(/[，。]$/);
    for (let k = 0; k < el.pages.length; k++) {
      el.page = k;
      await el.updateComplete;
      const box = el.querySelector<HTMLElement>('.fit')!;
      expect(box.scrollHeight).to.be.at.most(box.clientHeight + 1);
    }
    expect(el.pages.flat().map((p) => p.text).join('')).to.equal(long);
  });

  it('a point that would straddle two pages starts the next page whole', async () => {
    await setViewport({ width: 1920, height: 1080 });
    const points = Array.from({ length: 16 }, (_, i) => `第${i + 1}條。這一條有兩句話，第二句稍微長一些，讓它跨行。`);
    const el = await mount<KioskSlide>(slideTemplate(await slideData({ id: 'p', kind: 'notice', title: '分頁', points }), 0, true), '100vw', 'calc(100vh - 150px)');
    expect(el.pages.length).to.be.greaterThan(1);
    for (const page of el.pages.slice(1)) expect(page[0]!.first).to.equal(true);
  });

  it('fits again when the screen size changes, and says how many pages it has now', async () => {
    await setViewport({ width: 1920, height: 1080 });
    const points = Array.from({ length: 9 }, (_, i) => `第${i + 1}條：社區居民請注意，這是一條用來測試重新排版的內容。`);
    const el = await mount<KioskSlide>(slideTemplate(await slideData({ id: 'r', kind: 'notice', title: '重排', points }), 0, true));
    const before = el.pages.length;
    const counts: number[] = [];
    el.addEventListener('kiosk-pages', (e) => counts.push(e.detail));
    await setViewport({ width: 1280, height: 720 });
    await new Promise((r) => setTimeout(r, 100));
    await el.updateComplete;
    expect(counts.length).to.be.greaterThan(0);
    expect(counts[counts.length - 1]).to.equal(el.pages.length);
    expect(el.pages.length).to.be.at.least(before);
  });

  it('fits again when a picture that arrives after the fit takes room from the text', async () => {
    await setViewport({ width: 1080, height: 1920 });
    const points = ['陌生來電談轉賬，一律掛斷', '「包治百病」的保健品是騙局', '公檢法不會電話要求轉賬', '拿不準就問子女或撥打110', '接到96110來電，請耐心接聽'];
    const item = { id: 'safety/late', kind: 'safety' as const, title: '防詐騙 不聽 不信 不轉賬', summary: '騙子專挑長者下手。凡是要你轉賬的，先停一停、問一問。', points };
    const el = await mount<KioskSlide>(slideTemplate(await slideData(item, { portrait: true }), 0, true), '100vw', 'calc(100vh - 230px)');
    const box = el.querySelector<HTMLElement>('.fit')!;
    expect(box.scrollHeight).to.be.at.most(box.clientHeight + 1);
    const before = box.clientHeight;
    // A late picture: the aside grows after the first fit.
    const aside = document.createElement('div');
    aside.style.setProperty('height', '700px');
    aside.style.setProperty('flex', 'none');
    box.parentElement!.prepend(aside);
    await until(() => box.clientHeight < before);
    await new Promise((r) => setTimeout(r, 200));
    await el.updateComplete;
    expect(box.scrollHeight, 'no overflow once the picture took its room').to.be.at.most(box.clientHeight + 1);
  });
});
