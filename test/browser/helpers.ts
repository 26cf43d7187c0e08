/**
 * Fixtures for the browser tests: content built in memory (items like test/fixtures/valid plus
 * one of every kind), the calendar tables for 2026–2027 (test/browser/fixtures/tables-2026.json,
 * made with tools/lib/calendar-tables.ts), a fake clock and a fake content source.
 */
import { html, render, type TemplateResult } from 'lit';
import type { ContentSet, ContentSource } from '../../src/frame/content-set.ts';
import type { Clock } from '../../src/frame/clock.ts';
import { decodeTables, type CalendarTables, type CalendarTablesJson } from '../../src/calendar/tables.ts';
import type { Kind } from '../../src/content/keys.ts';
import type { CompiledItem, Screen, Settings } from '../../src/content/schema.ts';
import { createCalendarView } from '../../src/schedule/calendar-view.ts';
import { dayText } from '../../src/frame/day-text.ts';
import type { SlideData } from '../../src/ui/slide.ts';

/** 2026-10-18 09:00 in Nanjing: 重陽 (九月初九), solar term 寒露 in force, autumn. */
export const CHONGYANG = Date.parse('2026-10-18T09:00:00+08:00');

let tables: CalendarTables | undefined;
export async function loadTables(): Promise<CalendarTables> {
  if (!tables) {
    const res = await fetch(new URL('./fixtures/tables-2026.json', import.meta.url));
    tables = decodeTables((await res.json()) as CalendarTablesJson);
  }
  return tables;
}

const ASSETS: Record<string, string> = {
  'assets/climb.svg': '/test/fixtures/valid/assets/climb.svg',
  'assets/poster.svg': '/content/assets/safety/fire.svg',
  'qr/signup.svg': new URL('./fixtures/qr.svg', import.meta.url).href,
};
export const assetUrl = (path: string): string | undefined => ASSETS[path];

export const SETTINGS: Settings = { timeZone: 'Asia/Shanghai', locale: 'zh-Hant' };

export const GATE: Screen = {
  id: 'gate', name: '綠園社區 東門櫥窗', place: ['xuanwu', 'yingshijie', 'lvyuan'], tags: ['gate', 'elderly'],
  orientation: 'landscape', locale: 'zh-Hant',
};
export const CORRIDOR: Screen = {
  id: 'corridor', name: '青溪社區 走廊', place: ['xuanwu', 'yingshijie', 'qingxi'], orientation: 'portrait', locale: 'zh-Hant',
};

/** One item of every kind, as the compiler publishes them. */
export const ITEMS: Record<Kind, CompiledItem> = {
  health: {
    id: 'health/chongyang', kind: 'health', title: { 'zh-Hant': '重陽登高 量力而行', 'zh-Hans': '重阳登高 量力而行' },
    summary: '登高望遠是重陽習俗，長者出行以安全為先。',
    points: ['登高前先熱身', '結伴而行，帶足飲水', '膝關節不適者改為平地健走', '隨身帶好常用藥和手機'],
    image: 'assets/climb.svg', imageAlt: '長者結伴登山',
  },
  policy: {
    id: 'policy/elderly-care', kind: 'policy', title: '社區養老服務 會議精神',
    summary: '街道專題會議部署今年社區居家養老服務重點工作。',
    points: ['擴大社區助餐點，方便就近用餐', '推進適老化改造，加裝扶手', '定期上門探訪高齡獨居老人'],
    source: '營市街街道黨工委', date: '2026-03-18', sample: true,
  },
  safety: {
    id: 'safety/fire', kind: 'safety', title: '冬季防火 人走斷電', summary: '冬季取暖用電多，火災多發。發現火情撥打119。',
    points: ['取暖器遠離床鋪、窗簾', '人走斷電，睡前關火'], image: 'assets/poster.svg', imageAlt: '電暖器旁的插座冒出火苗',
  },
  event: {
    id: 'events/winter', kind: 'event', title: '科普之冬保安全 主題活動',
    event: { starts: '2026-10-21T09:00:00+08:00', ends: '2026-10-21T11:30:00+08:00', place: '綠園社區活動中心' },
    points: ['消防員示範滅火器使用', '冬季用電安全講座'],
    link: 'https://example.org/signup', linkLabel: '掃碼報名', qr: 'qr/signup.svg',
  },
  notice: { id: 'notice', kind: 'notice', title: '社區科普大學 秋季班招生', body: '課程免費，歡迎居民參加。\n每週二、週四上午上課。', source: '綠園社區居委會' },
  alert: {
    id: 'alerts/cold-wave', kind: 'alert', title: '寒潮藍色預警', summary: '預計48小時內最低氣溫下降8℃以上。',
    points: ['老人、兒童減少外出', '關好門窗，收好陽台花盆'], priority: 'emergency', sample: true,
  },
};

/** An in-memory content set (manifest fields the display does not read are placeholders). */
export function contentOf(items: CompiledItem[], t: CalendarTables, screens: Screen[] = [GATE, CORRIDOR], settings = SETTINGS, version = 'v1'): ContentSet {
  const h = '0'.repeat(64);
  return {
    manifest: {
      format: 2, version, generated: '2026-10-01T00:00:00Z', settings, screens, pages: [],
      calendar: { hash: h, url: `calendar/${h}.json`, bytes: 0, firstYear: 2026, lastYear: 2027 },
      items: items.map((i) => ({ id: i.id, kind: i.kind, hash: h, url: `items/${h}.json`, bytes: 0 })),
      assets: [],
    },
    items, tables: t, assetUrl,
  };
}

/** A content source the test drives: `push` is a sync finishing. */
export function fakeSource(first?: ContentSet): ContentSource & { push(c: ContentSet): void; listeners(): number } {
  let current = first;
  const listeners = new Set<(c: ContentSet) => void>();
  return {
    current: () => current,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    push(c) {
      current = c;
      listeners.forEach((l) => l(c));
    },
    listeners: () => listeners.size,
  };
}

/** A clock that runs at real speed from a chosen instant; `set` jumps it. */
export function fakeClock(start: number): Clock & { set(t: number): void } {
  let base = start;
  let wall = performance.now();
  return {
    now: () => base + (performance.now() - wall),
    set(t) {
      base = t;
      wall = performance.now();
    },
  };
}

/** SlideData for one item (or the built-in card when `item` is undefined). */
export async function slideData(item: CompiledItem | undefined, extra: Partial<SlideData> = {}): Promise<SlideData> {
  const words = await loadTables();
  const cal = createCalendarView(words, 'Asia/Shanghai');
  const slide = item
    ? { id: item.id, kind: item.kind, seconds: 12, reasons: [], item }
    : { id: 'builtin/today', kind: 'notice' as const, seconds: 60, reasons: [] };
  const day = dayText(CHONGYANG, 'zh-Hant', 'Asia/Shanghai', cal, words);
  return { slide, locale: 'zh-Hant', portrait: false, now: CHONGYANG, timeZone: 'Asia/Shanghai', day, assetUrl, ...extra };
}

/** Renders a template into a box of the given CSS size (default: the viewport) and returns its first element. */
export async function mount<E extends HTMLElement>(tpl: TemplateResult, width = '100vw', height = '100vh'): Promise<E> {
  document.body.style.setProperty('margin', '0');
  const box = document.createElement('div');
  box.style.setProperty('width', width);
  box.style.setProperty('height', height);
  document.body.append(box);
  mounted.push(box);
  render(tpl, box);
  const el = box.firstElementChild as E & { updateComplete?: Promise<unknown> };
  await el.updateComplete;
  await imagesLoaded(el);
  return el;
}

const mounted: HTMLElement[] = [];
/** Removes what `mount` added (call in afterEach). */
export function unmountAll(): void {
  for (const b of mounted.splice(0)) {
    render(html``, b);
    b.remove();
  }
}

/** Waits until every <img> in an element has loaded (or failed). */
export async function imagesLoaded(el: Element): Promise<void> {
  const imgs = [...el.querySelectorAll('img')];
  await Promise.all(imgs.map((i) => i.complete || new Promise((r) => {
    i.addEventListener('load', r, { once: true });
    i.addEventListener('error', r, { once: true });
  })));
}

/** Waits for a condition, polling (tests only). */
export async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Text of an element, whitespace collapsed. */
export const textOf = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
