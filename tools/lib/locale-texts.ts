/**
 * The texts of an item against the languages of the screens it reaches:
 * - a text without the screen's language falls back (zh-Hant, then zh-Hans, then en: see
 *   src/calendar/local-text.ts) and is reported as a warning, once per item and language: a
 *   missing translation never stops the street's content;
 * - on a zh-Hans screen, Traditional characters (a single-string text, or a text without
 *   zh-Hans) are reported too, since they would mix scripts on the glass;
 * - with `"simplifiedFromTraditional": true` in settings.json, the build fills every missing
 *   zh-Hans text from the zh-Hant one with OpenCC (opencc-js, at build time only) and says so.
 */
import * as OpenCC from 'opencc-js';
import type { JsonPath } from '../../src/content/issues.ts';
import type { Locale } from '../../src/content/keys.ts';
import type { CompiledItem, LocalText } from '../../src/content/schema.ts';

let toSimplified: ((s: string) => string) | undefined;
/** Traditional → Simplified (OpenCC's "t" to "cn" dictionaries), made once. */
export function simplified(text: string): string {
  toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return toSimplified(text);
}

type TextField = [JsonPath, LocalText];

/** Every LocalText of an item with its JSON path. */
export function localTexts(item: CompiledItem): TextField[] {
  const out: [JsonPath, LocalText | undefined][] = [
    [['title'], item.title], [['summary'], item.summary], [['body'], item.body],
    [['imageAlt'], item.imageAlt], [['linkLabel'], item.linkLabel], [['source'], item.source],
    [['event', 'place'], item.event?.place],
    ...(item.points ?? []).map((p, i): [JsonPath, LocalText] => [['points', i], p]),
  ];
  return out.filter((e): e is TextField => e[1] !== undefined);
}

const hasOwn = (text: LocalText, locale: Locale) => typeof text === 'object' && typeof text[locale] === 'string';
/** The text a zh-Hans screen would show when the text has no zh-Hans of its own. */
const hantOf = (text: LocalText) => (typeof text === 'string' ? text : text['zh-Hant']);

export interface LocaleProblem {
  path: JsonPath;
  code: 'missing-locale-text' | 'traditional-on-simplified' | 'simplified-filled';
  params: Record<string, string | number>;
}

/**
 * What a screen in `locale` would show of the item that is not in its language: one problem
 * per kind, at the first field concerned, naming how many fields and the fallback.
 */
export function localeProblems(item: CompiledItem, locale: Locale, screen: string, fill: boolean): LocaleProblem[] {
  const fields = localTexts(item);
  const out: LocaleProblem[] = [];
  const report = (code: LocaleProblem['code'], hits: TextField[], extra: Record<string, string | number> = {}) => {
    if (hits.length) out.push({ path: hits[0]![0], code, params: { locale, screen, count: hits.length, fields: names(hits), ...extra } });
  };
  if (locale === 'zh-Hans') {
    const hant = fields.filter(([, t]) => !hasOwn(t, 'zh-Hans') && hantOf(t) !== undefined && simplified(hantOf(t)!) !== hantOf(t));
    if (fill) report('simplified-filled', hant);
    else report('traditional-on-simplified', hant);
    report('missing-locale-text', fields.filter(([, t]) => typeof t === 'object' && !hasOwn(t, 'zh-Hans') && hantOf(t) === undefined),
      { fallback: 'en' });
  } else {
    report('missing-locale-text', fields.filter(([, t]) => typeof t === 'object' && !hasOwn(t, locale)), { fallback: fallbackOf(locale) });
  }
  return out;
}

const fallbackOf = (locale: Locale) => (locale === 'zh-Hant' ? 'zh-Hans' : 'zh-Hant');
const names = (hits: TextField[]) => {
  const all = hits.map(([p]) => p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join(''));
  return all.length > 4 ? `${all.slice(0, 4).join(', ')}…` : all.join(', ');
};

/** The item with every zh-Hans text that is missing filled from its zh-Hant text. */
export function fillSimplified(item: CompiledItem): CompiledItem {
  const fill = (t: LocalText | undefined): LocalText | undefined => {
    if (t === undefined || hasOwn(t, 'zh-Hans')) return t;
    const hant = hantOf(t);
    if (hant === undefined) return t;
    const hans = simplified(hant);
    if (hans === hant) return t;
    return typeof t === 'string' ? { 'zh-Hant': t, 'zh-Hans': hans } : { ...t, 'zh-Hans': hans };
  };
  const out: CompiledItem = { ...item, title: fill(item.title)! };
  for (const k of ['summary', 'body', 'imageAlt', 'linkLabel', 'source'] as const) if (item[k] !== undefined) out[k] = fill(item[k]);
  if (item.points) out.points = item.points.map((p) => fill(p)!);
  if (item.event) out.event = { ...item.event, place: fill(item.event.place)! };
  return out;
}
