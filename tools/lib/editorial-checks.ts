/**
 * Warnings about what an item says rather than how it is written: template words left as
 * they are, example links, titles too long to read in passing, links whose QR code is too
 * dense to scan from two metres, and emergency alerts with no end (they wake the screens every
 * night until withdrawn). None stops the publish.
 */
import QRCode from 'qrcode';
import type { JsonPath } from '../../src/content/issues.ts';
import type { CompiledItem, LocalText } from '../../src/content/schema.ts';
import { localTexts } from './locale-texts.ts';
import { isExampleLink, isPlaceholder } from './templates.ts';

/** A title longer than this (in full-width characters; half-width ones count half) is hard to read in passing. */
export const TITLE_MAX = 24;
/**
 * The densest QR code that scans from 2 m on the glass: 33×33 modules (version 4; 62 bytes
 * of link at level M). Drawn 400 px wide on a 55-inch 1080p screen (about 25 cm), a module is
 * then about 7 mm, what a phone camera needs at that distance.
 */
export const QR_MAX_MODULES = 33;

export interface EditorialProblem {
  path: JsonPath;
  code: 'template-text' | 'example-link' | 'title-long' | 'qr-dense' | 'emergency-no-end';
  params: Record<string, string | number>;
}

/** Full-width characters count one, half-width ones half (a text of over four times the limit in characters is over whatever it holds: not counted). */
const width = (s: string) => (s.length > TITLE_MAX * 4 ? s.length : [...s].reduce((n, c) => n + (/[\x20-\x7e]/.test(c) ? 0.5 : 1), 0));
const textsOf = (t: LocalText) => (typeof t === 'string' ? [t] : Object.values(t).filter((s): s is string => typeof s === 'string'));

export function editorialProblems(item: CompiledItem): EditorialProblem[] {
  const out: EditorialProblem[] = [];
  for (const [path, text] of localTexts(item)) {
    const left = textsOf(text).find(isPlaceholder);
    if (left) out.push({ path, code: 'template-text', params: { text: left } });
  }
  for (const t of textsOf(item.title)) {
    if (width(t) > TITLE_MAX) {
      out.push({ path: ['title'], code: 'title-long', params: { length: Math.ceil(width(t)), max: TITLE_MAX } });
      break;
    }
  }
  if (item.link !== undefined) {
    if (isExampleLink(item.link)) out.push({ path: ['link'], code: 'example-link', params: { link: item.link } });
    const modules = qrModules(item.link);
    if (modules > QR_MAX_MODULES) {
      out.push({ path: ['link'], code: 'qr-dense', params: { modules, bytes: new TextEncoder().encode(item.link).byteLength } });
    }
  }
  // An emergency alert wakes the screens outside their hours (src/frame): without an end it does so every night.
  if (item.kind === 'alert' && item.priority === 'emergency' && item.expires === undefined && item.when?.until === undefined) {
    out.push({ path: ['priority'], code: 'emergency-no-end', params: {} });
  }
  return out;
}

/** The side of the link's QR code in modules, as the build draws it (level M); 0 when it cannot be drawn. */
function qrModules(link: string): number {
  try {
    return QRCode.create(link, { errorCorrectionLevel: 'M' }).modules.size;
  } catch {
    return 0;
  }
}
