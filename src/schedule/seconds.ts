/**
 * How long a slide stays, at a pace elderly readers can follow.
 *
 *   seconds = item.duration, else
 *     the film's own length, rounded up to a whole second (at least 3), for an item with a film, else
 *     clamp( ceil( BASE[kind] + cjk / 3 + words / 2 + (image ? 4 : 0) + (link ? 3 : 0) ),
 *            floor, 60 )
 *
 * - BASE: alert, event, policy 6 s; health, safety, notice 4 s (finding the slide, reading the title).
 * - cjk: Chinese/Japanese/Korean characters in the slide's locale (title, summary, points,
 *   body, source, event place), read at 3 per second; words: other words, read at 2 per
 *   second (120 words a minute).
 * - image: 4 s to look at the picture; link: 3 s to scan the QR code.
 * - floor: settings.slideSeconds when set, else DEFAULT_SETTINGS.slideSeconds (8, in
 *   ../content/defaults.ts); a slide with an image (a poster) at least 12.
 */
import { DEFAULT_SETTINGS } from '../content/defaults.ts';
import type { Kind, Locale } from '../content/keys.ts';
import type { CompiledItem, LocalText } from '../content/schema.ts';
import { localText } from '../calendar/local-text.ts';

const BASE: Record<Kind, number> = { alert: 6, event: 6, policy: 6, health: 4, safety: 4, notice: 4 };
/** The floor when settings are silent: the site default (an alias, not a second constant). */
export const MIN_SECONDS: number = DEFAULT_SETTINGS.slideSeconds;
export const MAX_SECONDS = 60;
export const POSTER_MIN_SECONDS = 12;
/** The shortest slide a film makes (a 1-second film still gets time to be seen). */
export const FILM_MIN_SECONDS = 3;

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;
const WORD = /[A-Za-z0-9\u00c0-\u024f]+/g;

/** CJK characters and other words in a text. */
export function readingLoad(text: string): { cjk: number; words: number } {
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, ' ').match(WORD)?.length ?? 0;
  return { cjk, words };
}

function slideText(item: CompiledItem, locale: Locale): string {
  const parts: (LocalText | undefined)[] = [item.title, item.summary, item.body, item.source, item.event?.place, ...(item.points ?? [])];
  return parts.map((p) => (p === undefined ? '' : localText(p, locale))).join('\n');
}

/**
 * Seconds on screen for an item in a locale (see the formula above).
 * @example slideSeconds({ id: 'x', kind: 'notice', title: '停水通知' }, 'zh-Hant') // 8
 */
export function slideSeconds(item: CompiledItem, locale: Locale, settingsSeconds?: number): number {
  if (item.duration !== undefined) return item.duration;
  if (item.film) return Math.max(FILM_MIN_SECONDS, Math.ceil(item.film.seconds));
  const { cjk, words } = readingLoad(slideText(item, locale));
  const raw = Math.ceil(BASE[item.kind] + cjk / 3 + words / 2 + (item.image ? 4 : 0) + (item.link ? 3 : 0));
  const floor = Math.max(settingsSeconds ?? DEFAULT_SETTINGS.slideSeconds, item.image ? POSTER_MIN_SECONDS : 0);
  return Math.min(Math.max(raw, floor), Math.max(MAX_SECONDS, floor));
}
