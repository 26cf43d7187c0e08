/**
 * Defaults applied wherever settings.json is silent. A module of its own: the kiosk page reads
 * them without loading the schema (and its validator).
 */
import type { Settings } from './schema.ts';

export const DEFAULT_SETTINGS = {
  timeZone: 'Asia/Shanghai',
  locale: 'zh-Hant',
  slideSeconds: 12,
  seasons: 'chinese',
  syncInterval: 60,
  eventLeadDays: 14,
} as const satisfies Partial<Settings>;
