/**
 * No text leaves the glass, whatever an editor types: long unbroken words, long alert
 * summaries, lines of half-width punctuation, titles and meta lines longer than a screen. On
 * every page of every hostile slide, at 1920×1080 and 1080×1920, every line of text lies inside
 * its slide and inside the box that clips it (a caption clamped to two lines with an ellipsis:
 * its box), the font stays at or above the floor, and the
 * words across the pages are the words of the item, none lost and none repeated.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { CompiledItem } from '../../src/content/schema.ts';
import { FONT_FLOOR } from '../../src/ui/fit-controller.ts';
import type { KioskSlide } from '../../src/ui/slide.ts';
import { slideTemplate } from '../../src/ui/slide-template.ts';
import { mount, slideData, unmountAll } from './helpers.ts';

const HAN = '社區居民請注意今冬寒潮來襲請長者減少外出注意保暖防止跌倒';
const han = (n: number, every = 0, mark = '。') =>
  Array.from({ length: n }, (_, i) => HAN[i % HAN.length]! + (every && i % every === every - 1 ? mark : '')).join('');
const WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(12);
const URL = `https://example.org/${'a1b2c3d4'.repeat(60)}`;

/** Hostile texts, each placed in turn in every field of every kind. */
const TEXTS: Record<string, string> = {
  'long alert summary': han(1400, 37),
  'half-width punctuation': ',.;:!?'.repeat(260),
  'full-width punctuation': '，。、；：！？'.repeat(220),
  'one unbroken word': WORD,
  'a long link': URL,
  'a sentence of commas and no stop': han(900, 9, '，'),
  'words without stops': Array.from({ length: 400 }, (_, i) => `word${i}`).join(' '),
};

type Field = 'title' | 'summary' | 'points' | 'source' | 'place' | 'all';
const FIELDS: Field[] = ['title', 'summary', 'points', 'source', 'place', 'all'];

function itemFor(kind: CompiledItem['kind'], field: Field, text: string): CompiledItem {
  const short = { title: '寒潮預警', summary: '請注意保暖。', source: '街道辦', place: '社區活動中心' };
  const pick = (f: Exclude<Field, 'all' | 'points'>) => (field === f || field === 'all' ? text : short[f]);
  const item: CompiledItem = {
    id: `hostile/${kind}-${field}`, kind, title: pick('title'), summary: pick('summary'), source: pick('source'),
    points: field === 'points' || field === 'all' ? [text, text.slice(0, 200)] : ['結伴而行'],
  };
  if (kind === 'event') {
    item.event = { starts: '2026-10-21T09:00:00+08:00', ends: '2026-10-22T11:30:00+08:00', place: pick('place') };
    Object.assign(item, { link: 'https://example.org/x', qr: 'qr/signup.svg', linkLabel: field === 'all' ? text : '掃碼報名' });
  }
  if (kind === 'health') Object.assign(item, { image: 'assets/climb.svg', imageAlt: '圖' });
  if (kind === 'safety') Object.assign(item, { image: 'assets/poster.svg', imageAlt: '海報' });
  if (kind === 'policy') Object.assign(item, { date: '2026-03-18' });
  return item;
}

const KINDS: CompiledItem['kind'][] = ['alert', 'event', 'health', 'policy', 'safety', 'notice'];
const CASES = Object.entries(TEXTS).flatMap(([name, text], n) =>
  FIELDS.filter((f) => f !== 'place' || n % 2 === 0).map((field, k) => ({ name, field, item: itemFor(KINDS[(n + k) % KINDS.length]!, field, text) })));

const SCREENS = [
  { width: 1920, height: 1080, header: 150, portrait: false },
  { width: 1080, height: 1920, header: 230, portrait: true },
];

/** The nearest ancestor (or the element) that clips its content. */
function clipOf(el: Element, stop: Element): Element {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) if (getComputedStyle(e).overflow !== 'visible') return e;
  return stop;
}

/** Lines of text outside their slide or outside the box that clips them, described. */
function textOutside(slide: HTMLElement): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  // A line's box is the font's content area, taller than the line itself (CJK fonts: 1.45 em in
  // a 1.25 em line): what must stay inside is the middle 76 % of it, where the ink is.
  const inside = (r: DOMRect, b: DOMRect) => {
    const pad = r.height * 0.12;
    return r.left >= b.left - 1 && r.right <= b.right + 1 && r.top + pad >= b.top - 1 && r.bottom - pad <= b.bottom + 1;
  };
  const glass = slide.getBoundingClientRect();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent?.trim()) continue;
    const el = n.parentElement!;
    const box = clipOf(el, slide);
    // A caption clamped to its lines (the QR code's label) ends in an ellipsis: its box must be on the glass.
    const clamped = getComputedStyle(box).webkitLineClamp !== 'none';
    const clip = box.getBoundingClientRect();
    if (clamped) {
      if (!inside(clip, glass)) out.push(`<${box.localName}> clamped but outside the glass`);
      continue;
    }
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width === 0 || (inside(r, glass) && inside(r, clip))) continue;
      out.push(`<${el.localName} class="${el.className}"> line at ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)} outside ${Math.round(clip.width)}×${Math.round(clip.height)}`);
      break;
    }
  }
  return out;
}

describe('text fitting, hostile', function () {
  this.timeout(300_000);
  afterEach(unmountAll);
  after(() => setViewport({ width: 800, height: 600 }));

  for (const screen of SCREENS) {
    it(`${CASES.length} hostile slides at ${screen.width}×${screen.height}: every line on the glass, nothing lost`, async () => {
      await setViewport({ width: screen.width, height: screen.height });
      const failures: string[] = [];
      for (const c of CASES) {
        const d = await slideData(c.item, { portrait: screen.portrait });
        if (c.item.kind === 'event') d.slide.countdown = { state: 'upcoming', days: 3 };
        const el = await mount<KioskSlide>(slideTemplate(d, 0, true), '100vw', `calc(100vh - ${screen.header}px)`);
        const where = `${c.item.kind} with ${c.name} in ${c.field}`;
        const shown: string[] = [];
        for (let k = 0; k < el.pages.length; k++) {
          el.page = k;
          await el.updateComplete;
          for (const o of textOutside(el)) failures.push(`${where}, page ${k + 1}/${el.pages.length}: ${o}`);
          for (const t of el.querySelectorAll('.fit :is(h1, p)')) {
            const fs = parseFloat(getComputedStyle(t).fontSize);
            if (fs < FONT_FLOOR - 0.01) failures.push(`${where}: font ${fs} px in ${t.localName}.${t.className}`);
          }
          shown.push(...[...el.querySelectorAll('.fit :is(.sum, .body, .pt, .flow)')].map((p) => p.textContent ?? ''));
        }
        const all = el.pieces().map((p) => p.text).join('');
        if (shown.join('') !== all) failures.push(`${where}: the text across ${el.pages.length} pages is not the item's text`);
        unmountAll();
      }
      expect(failures, failures.slice(0, 12).join('\n')).to.deep.equal([]);
    });
  }
});
