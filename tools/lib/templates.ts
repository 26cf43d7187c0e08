/**
 * The templates of `npm run new`, and how the validator recognises what was left of them.
 * A new item starts as a draft (on the preview, never on a screen) with dates from the day it
 * was made, and takes its season or solar term from its folder (health/winter/… → winter).
 */
import { SEASONS, SOLAR_TERMS, type Kind } from '../../src/content/keys.ts';
import { isoInZone, localDate, zonedInstant } from '../../src/calendar/zone.ts';

const DAY = 86_400_000;

export interface TemplateOptions {
  /** The item's path under items/, e.g. "health/winter/x". */
  path?: string;
  /** The instant it is made (dates count from its day). */
  now: number;
  timeZone: string;
}

/** The words an editor replaces. The validator warns about any left as they are. */
export const PLACEHOLDERS = {
  healthTitle: '標題（十個字以內）', summary: '一句話說明重點', point1: '第一個要點', point2: '第二個要點', point3: '第三個要點',
  policyTitle: '會議名稱', issuer: '發布單位', policyPoint1: '會議精神要點一', policyPoint2: '要點二', policyPoint3: '要點三',
  safetyTitle: '安全宣傳標題', safetySummary: '一句話提醒', alt: '海報內容的簡短描述',
  eventTitle: '活動名稱', eventSummary: '活動內容簡介', place: '社區活動中心（請改成實際地點）',
  noticeTitle: '通知標題', noticeBody: '通知內容', alertTitle: '預警標題', alertBody: '預警內容與應對方法',
} as const;
const P = PLACEHOLDERS;
const TEXTS = new Set<string>(Object.values(PLACEHOLDERS));

/** Whether a text is a template's word left unchanged. */
export const isPlaceholder = (text: string): boolean => TEXTS.has(text.trim());

/** A link nobody can open: example.org and the other names reserved for examples (RFC 2606). */
export function isExampleLink(link: string): boolean {
  try {
    const host = new URL(link).hostname.toLowerCase();
    return /(^|\.)(example\.(org|com|net)|example|test|invalid|localhost)$/.test(host);
  } catch {
    return false;
  }
}

/** The season or solar term named by a folder of the path (the last one wins). */
function whenOfPath(path: string | undefined): Record<string, string[]> | undefined {
  const parts = (path ?? '').split('/').slice(0, -1).reverse();
  const term = parts.find((p) => (SOLAR_TERMS as readonly string[]).includes(p));
  const season = parts.find((p) => (SEASONS as readonly string[]).includes(p));
  if (term && (!season || parts.indexOf(term) < parts.indexOf(season))) return { solarTerms: [term] };
  return season ? { seasons: [season] } : undefined;
}

/** A starting point for each kind: every key an editor usually needs, with words to replace. */
export function itemTemplate(kind: Kind, schema: string, o: TemplateOptions): Record<string, unknown> {
  const base = { $schema: schema, kind, status: 'draft' };
  const day = (n: number) => localDate(o.now + n * DAY, o.timeZone);
  const at = (n: number, time: string) => isoInZone(zonedInstant(day(n), time, o.timeZone), o.timeZone);
  const when = whenOfPath(o.path);
  switch (kind) {
    case 'health':
      return { ...base, title: P.healthTitle, summary: P.summary, points: [P.point1, P.point2, P.point3], ...(when ? { when } : {}) };
    case 'policy':
      return { ...base, title: P.policyTitle, source: P.issuer, date: day(0), points: [P.policyPoint1, P.policyPoint2, P.policyPoint3] };
    case 'safety':
      return { ...base, title: P.safetyTitle, summary: P.safetySummary, image: 'assets/safety/poster.svg', imageAlt: P.alt, ...(when ? { when } : {}) };
    case 'event':
      return {
        ...base, title: P.eventTitle, summary: P.eventSummary,
        event: { starts: at(14, '09:00'), ends: at(14, '11:30'), place: P.place },
        link: 'https://example.org/signup', linkLabel: '掃碼報名',
      };
    case 'notice':
      return { ...base, title: P.noticeTitle, body: P.noticeBody, when: { from: day(0), until: day(30) } };
    case 'alert':
      return { ...base, title: P.alertTitle, body: P.alertBody, priority: 'high', expires: at(1, '20:00') };
  }
}
