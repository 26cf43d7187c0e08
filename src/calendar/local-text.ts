import type { Locale } from '../content/keys.ts';
import type { LocalText } from '../content/schema.ts';

/**
 * LocalText in a locale, falling back to the other locales (Traditional Chinese first).
 * @example localText({ en: 'Hi' }, 'zh-Hant') // 'Hi'
 */
export function localText(text: LocalText, locale: Locale): string {
  return typeof text === 'string' ? text : text[locale] ?? text['zh-Hant'] ?? text['zh-Hans'] ?? text.en ?? '';
}
