/**
 * Valid content files that the hostile-content fuzzer breaks: one of each kind of file, with
 * every key the schema knows filled in, so that a wrong type can be put at every key.
 */
import { ItemSchema, ScreenSchema, SettingsSchema } from '../../../src/content/schema.ts';

export type FileKind = 'item' | 'screen' | 'settings';

export const SCHEMAS = { item: ItemSchema, screen: ScreenSchema, settings: SettingsSchema } as const;

/** Path of each kind of file inside a content folder, as the loader names it. */
export const REL: Record<FileKind, string> = { item: 'items/tip.json', screen: 'screens/gate.json', settings: 'settings.json' };

export const ITEM = {
  $schema: '../../schema/item.json',
  kind: 'event',
  title: { 'zh-Hant': '重陽登高 量力而行', 'zh-Hans': '重阳登高 量力而行', en: 'Climb with care' },
  summary: '天氣轉涼，注意保暖。',
  points: ['登高前先熱身', { 'zh-Hant': '結伴而行', en: 'Go together' }],
  body: '膝關節不適者改為平地健走',
  image: 'assets/climb.svg',
  imageAlt: '長者結伴登山',
  link: 'https://example.org/signup',
  linkLabel: '報名',
  source: '街道辦事處',
  date: '2026-10-01',
  sample: true,
  when: {
    from: '2026-10-01', until: '2026-12-31T18:00:00+08:00', seasons: ['autumn'], solarTerms: ['hanlu'],
    festivals: ['chongyang'], observances: ['science-day'], around: { before: 3, after: 1 },
    weekdays: [1, 6, 7], hours: [{ from: '06:30', until: '22:00' }],
  },
  where: ['lvyuan', 'tag:elderly'],
  priority: 'high',
  status: 'published',
  duration: 12,
  event: { starts: '2026-12-12T09:00:00+08:00', ends: '2026-12-12T11:30:00+08:00', place: '綠園社區活動中心', lead: 7 },
  expires: '2026-12-31',
};

export const SCREEN = {
  id: 'gate',
  name: { 'zh-Hant': '綠園社區 東門櫥窗', en: 'Lvyuan east gate' },
  place: ['xuanwu', 'yingshijie', 'lvyuan'],
  placeNames: { lvyuan: '綠園社區', xuanwu: { 'zh-Hant': '玄武區' } },
  tags: ['gate', 'elderly'],
  orientation: 'landscape',
  locale: 'zh-Hant',
  hours: { on: '06:30', off: '22:00', weekdays: [1, 2, 3, 4, 5] },
};

export const SETTINGS = {
  timeZone: 'Asia/Shanghai',
  locale: 'zh-Hant',
  siteName: '鎖金村街道',
  slideSeconds: 8,
  seasons: 'chinese',
  syncInterval: 60,
  eventLeadDays: 14,
  hours: { on: '06:00', off: '22:30' },
  observances: [
    { key: 'reading-day', name: { 'zh-Hant': '世界讀書日', en: 'World Book Day' }, date: '04-23' },
    { key: 'elders-walk', name: '長者健走日', month: 10, weekday: 6, nth: -1 },
  ],
};

export const SEEDS: Record<FileKind, unknown> = { item: ITEM, screen: SCREEN, settings: SETTINGS };

/** A seed as an editor would write it: two-space indented, one key a line. */
export function seedText(kind: FileKind): string {
  return `${JSON.stringify(SEEDS[kind], null, 2)}\n`;
}

export type JsonPathStep = string | number;

/** Every JSON path in a value (the root excluded), parents before children. */
export function pathsOf(value: unknown, prefix: JsonPathStep[] = []): JsonPathStep[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [JsonPathStep, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}
