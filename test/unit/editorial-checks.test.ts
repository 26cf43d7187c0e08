/** Warnings on what an item says: template words, example links, long titles, dense QR codes. */
import { describe, expect, it } from 'vitest';
import { editorialProblems, QR_MAX_MODULES, TITLE_MAX } from '../../tools/lib/editorial-checks.ts';
import { PLACEHOLDERS } from '../../tools/lib/templates.ts';

const codes = (item: Parameters<typeof editorialProblems>[0]) => editorialProblems(item).map((p) => `${p.code}:${p.path.join('.')}`);

describe('editorial warnings', () => {
  it('a real item has none', () => {
    expect(codes({ id: 'a', kind: 'event', title: '重陽佳節弘孝道', points: ['義診'], link: 'https://kepu.nj.gov.cn/s/cy26' })).toEqual([]);
  });

  it('template words, in any language of a text, and example links', () => {
    expect(codes({ id: 'a', kind: 'health', title: { 'zh-Hant': PLACEHOLDERS.healthTitle, en: 'x' }, points: ['ok', PLACEHOLDERS.point2] }))
      .toEqual(['template-text:title', 'template-text:points.1']);
    for (const link of ['https://example.org/x', 'https://www.example.com/', 'http://signup.test/a']) {
      expect(codes({ id: 'a', kind: 'notice', title: 't', link })).toEqual(['example-link:link']);
    }
  });

  it(`a title over ${TITLE_MAX} full-width characters (half-width ones count half)`, () => {
    expect(codes({ id: 'a', kind: 'notice', title: '長'.repeat(TITLE_MAX) })).toEqual([]);
    expect(codes({ id: 'a', kind: 'notice', title: '長'.repeat(TITLE_MAX + 1) })).toEqual(['title-long:title']);
    expect(codes({ id: 'a', kind: 'notice', title: 'x'.repeat(TITLE_MAX * 2) })).toEqual([]);
  });

  it.each<[string, Parameters<typeof editorialProblems>[0], string[]]>([
    ['an emergency alert with no end', { id: 'a', kind: 'alert', title: '寒潮', priority: 'emergency' }, ['emergency-no-end:priority']],
    ['… with "expires"', { id: 'a', kind: 'alert', title: '寒潮', priority: 'emergency', expires: '2026-12-05T20:00:00+08:00' }, []],
    ['… with "when.until"', { id: 'a', kind: 'alert', title: '寒潮', priority: 'emergency', when: { until: '2026-12-05' } }, []],
    ['… with "when.from" only', { id: 'a', kind: 'alert', title: '寒潮', priority: 'emergency', when: { from: '2026-12-01' } }, ['emergency-no-end:priority']],
    ['a high alert with no end (it never wakes a screen)', { id: 'a', kind: 'alert', title: '停水', priority: 'high' }, []],
    ['an "emergency" that is not an alert (it plays as high)', { id: 'a', kind: 'notice', title: '停水', priority: 'emergency' }, []],
  ])('%s', (_what, item, expected) => {
    expect(codes(item)).toEqual(expected);
  });

  it(`a link whose QR code is over ${QR_MAX_MODULES}×${QR_MAX_MODULES} modules (62 bytes at level M)`, () => {
    const link = (n: number) => `https://kepu.nj.gov.cn/${'a'.repeat(n - 23)}`;
    expect(codes({ id: 'a', kind: 'notice', title: 't', link: link(62) })).toEqual([]);
    const dense = editorialProblems({ id: 'a', kind: 'notice', title: 't', link: link(63) });
    expect(dense.map((p) => [p.code, p.params.modules, p.params.bytes])).toEqual([['qr-dense', 37, 63]]);
  });
});
