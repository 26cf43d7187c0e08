/**
 * The stable calendar and content keys that editors write in content files.
 * These lists are part of the content contract (DESIGN.md): renaming one breaks content.
 */

export const KINDS = ['health', 'policy', 'safety', 'event', 'notice', 'alert'] as const;
export type Kind = (typeof KINDS)[number];

export const LOCALES = ['zh-Hant', 'zh-Hans', 'en'] as const;
export type Locale = (typeof LOCALES)[number];


export const SEASONS = ['spring', 'summer', 'autumn', 'winter'] as const;
export type Season = (typeof SEASONS)[number];

/** The 24 solar terms in calendar-year order, starting with 小寒 (about 6 January). */
export const SOLAR_TERMS = [
  'xiaohan', 'dahan', 'lichun', 'yushui', 'jingzhe', 'chunfen',
  'qingming', 'guyu', 'lixia', 'xiaoman', 'mangzhong', 'xiazhi',
  'xiaoshu', 'dashu', 'liqiu', 'chushu', 'bailu', 'qiufen',
  'hanlu', 'shuangjiang', 'lidong', 'xiaoxue', 'daxue', 'dongzhi',
] as const;
export type SolarTerm = (typeof SOLAR_TERMS)[number];

/** Lunar festivals, plus 清明 and 冬至, which are solar terms but also festivals. */
export const FESTIVALS = [
  'chunjie', 'yuanxiao', 'longtaitou', 'duanwu', 'qixi', 'zhongyuan',
  'zhongqiu', 'chongyang', 'laba', 'xiaonian', 'chuxi', 'qingming', 'dongzhi',
] as const;
export type Festival = (typeof FESTIVALS)[number];

/** Built-in observances; settings.json may add more. */
export const OBSERVANCES = [
  'tree-planting-day', 'national-security-day', 'disaster-prevention-day', 'environment-day',
  'science-day', 'fire-safety-day', 'traffic-safety-day',
] as const;
export type BuiltInObservance = (typeof OBSERVANCES)[number];

export const PRIORITIES = ['normal', 'high', 'emergency'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const STATUSES = ['published', 'draft'] as const;
export type Status = (typeof STATUSES)[number];

export const ORIENTATIONS = ['landscape', 'portrait'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

export const SEASON_SYSTEMS = ['chinese', 'meteorological'] as const;
export type SeasonSystem = (typeof SEASON_SYSTEMS)[number];
