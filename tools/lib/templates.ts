import type { Kind } from '../../src/content/keys.ts';

/** A starting point for each kind: every key an editor usually needs, with sample words to replace. */
export function itemTemplate(kind: Kind, schema: string): Record<string, unknown> {
  const base = { $schema: schema, kind };
  switch (kind) {
    case 'health':
      return { ...base, title: '標題（十個字以內）', summary: '一句話說明重點', points: ['第一個要點', '第二個要點', '第三個要點'], when: { seasons: ['autumn'] } };
    case 'policy':
      return { ...base, title: '會議名稱', source: '發布單位', date: '2026-01-01', points: ['會議精神要點一', '要點二', '要點三'] };
    case 'safety':
      return { ...base, title: '安全宣傳標題', summary: '一句話提醒', image: 'assets/safety/poster.svg', imageAlt: '海報內容的簡短描述' };
    case 'event':
      return {
        ...base, title: '活動名稱', summary: '活動內容簡介',
        event: { starts: '2027-01-01T09:00:00+08:00', ends: '2027-01-01T11:30:00+08:00', place: '社區活動中心' },
        link: 'https://example.org/signup', linkLabel: '掃碼報名',
      };
    case 'notice':
      return { ...base, title: '通知標題', body: '通知內容', when: { from: '2027-01-01', until: '2027-01-31' } };
    case 'alert':
      return { ...base, title: '預警標題', body: '預警內容與應對方法', priority: 'high', status: 'draft', expires: '2027-01-01T20:00:00+08:00' };
  }
}
