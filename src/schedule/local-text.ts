import type { Locale } from '../content/keys.ts';
import type { LocalText } from '../content/schema.ts';

/**
 * The text of a LocalText in a locale, else the first one present (zh-Hant, zh-Hans, en).
 * The kiosk's own copy: ../calendar/names.ts carries every calendar name with it.
 * @example textIn({ en: 'Hi' }, 'zh-Hant') // 'Hi'
 */
export function textIn(text: LocalText, locale: Locale): string {
  return typeof text === 'string' ? text : text[locale] ?? text['zh-Hant'] ?? text['zh-Hans'] ?? text.en ?? '';
}
