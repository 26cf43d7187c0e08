import { describe, expect, it } from 'vitest';
import type { CompiledItem } from '../../src/content/schema.ts';
import { readingLoad, slideSeconds } from '../../src/schedule/seconds.ts';
import { item } from '../fixtures/schedule/world.ts';

const cjk = (n: number) => '安'.repeat(n);

describe('slideSeconds: base by kind + CJK ÷ 3 + words ÷ 2 (+4 image, +3 link), in [8, 60]; posters ≥ 12', () => {
  type Row = [label: string, fields: Partial<CompiledItem>, seconds: number, floor?: number];
  const rows: Row[] = [
    ['a short notice: the minimum', { kind: 'notice', title: '停水通知' }, 8],
    ['duration wins', { kind: 'notice', title: '停水通知', duration: 20 }, 20],
    ['30 CJK characters on a health tip: 4 + 10', { title: cjk(30) }, 14],
    ['a policy: base 6 + 30/3', { kind: 'policy', title: cjk(30) }, 16],
    ['a long text is capped at 60', { body: cjk(600) }, 60],
    ['points count too', { title: cjk(3), points: [cjk(15), cjk(15)] }, 15],
    ['a poster: at least 12', { kind: 'safety', title: '防火', image: 'assets/a.svg' }, 12],
    ['a poster with text: 4 + 4 + 30/3', { kind: 'safety', title: cjk(30), image: 'assets/a.svg' }, 18],
    ['a link adds time to scan the code', { title: cjk(30), link: 'https://example.org' }, 17],
    ['English: 4 + 10 words ÷ 2', { title: { en: 'Wash your hands often and well before every meal today' } }, 9],
    ['settings.slideSeconds raises the floor', { kind: 'notice', title: '停水通知' }, 12, 12],
  ];
  it.each(rows)('%s', (_label, fields, seconds, floor) => {
    const locale = typeof fields.title === 'object' && 'en' in fields.title ? 'en' : 'zh-Hant';
    expect(slideSeconds(item('x', fields), locale, floor)).toBe(seconds);
  });

  it('reads the locale of the screen', () => {
    const x = item('x', { title: { 'zh-Hant': cjk(60), en: 'Short' } });
    expect(slideSeconds(x, 'zh-Hant')).toBe(24);
    expect(slideSeconds(x, 'en')).toBe(8);
  });

  it('counts CJK characters and other words apart', () => {
    expect(readingLoad('重陽登高 walk slowly, 量力而行。')).toEqual({ cjk: 8, words: 2 });
  });
});
