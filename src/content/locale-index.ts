/**
 * A locale's column in the [zh-Hant, zh-Hans, en] word triples used across the app. A module
 * of its own so that the kiosk page, which needs only this of the content keys, does not carry
 * the key lists (keys.ts) that only the validator and the schedule use.
 */
import type { Locale } from './keys.ts';

export const LOCALE_INDEX: Readonly<Record<Locale, 0 | 1 | 2>> = { 'zh-Hant': 0, 'zh-Hans': 1, en: 2 };
