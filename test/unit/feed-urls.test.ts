/** Feed folders apart: from the content folder and from each other (a screen's collection is per folder). */
import { describe, expect, it } from 'vitest';
import { feedFolder, feedUrlProblems } from '../../src/content/feed-urls.ts';

const A = { id: 'a', url: '../feeds/a/' };

describe('feedUrlProblems', () => {
  it.each<[string, { id: string; url: string }[], string[]]>([
    // [what, delegations, problems as "<index>:<code>[:<other>]"]
    ['the sample layout: folders side by side', [A, { id: 'b', url: '../feeds/b/' }, { id: 'c', url: '../feeds/c' }], []],
    ['one name the prefix of another is no overlap', [A, { id: 'ab', url: '../feeds/ab/' }], []],
    ['two hosts, the same path', [{ id: 'x', url: 'https://cdn.example.org/feeds/x/' }, { id: 'y', url: 'https://other.example.org/feeds/x/' }], []],
    ['a relative and an absolute url never meet (the site\'s address is not known at build)', [A, { id: 'x', url: 'https://cdn.example.org/feeds/a/' }], []],
    ['"../" holds the content folder', [{ id: 'up', url: '../' }], ['0:feed-url-root']],
    ['"../../" too (above the site it is the host\'s root)', [{ id: 'up', url: '../../' }], ['0:feed-url-root']],
    ['"./" is the content folder', [{ id: 'here', url: './' }], ['0:feed-url-root']],
    ['"." and "" and "../content" are too', [{ id: 'd', url: '.' }, { id: 'e', url: '../content' }], ['0:feed-url-root', '1:feed-url-root']],
    ['a folder inside content/', [{ id: 'in', url: 'feeds/in/' }, { id: 'in2', url: './x/' }], ['0:feed-url-root', '1:feed-url-root']],
    ['two identical urls', [A, { id: 'b', url: '../feeds/a/' }], ['1:feed-url-overlap:a']],
    ['identical once the "/" is added, or written another way', [A, { id: 'b', url: '../feeds/a' }, { id: 'c', url: '../feeds/x/../a/' }],
      ['1:feed-url-overlap:a', '2:feed-url-overlap:a']],
    ['a query makes no other folder', [A, { id: 'b', url: '../feeds/a/?v=2' }], ['1:feed-url-overlap:a']],
    ['after a query the "/" added lands in it: the files resolve one folder up', [A, { id: 'b', url: '../feeds/b?v=2' }], ['1:feed-url-overlap:a']],
    ['nested, the inner one later', [A, { id: 'b', url: '../feeds/a/b/' }], ['1:feed-url-overlap:a']],
    ['nested, the outer one later', [{ id: 'b', url: '../feeds/a/b/' }, { id: 'a', url: '../feeds/' }], ['1:feed-url-overlap:b']],
    ['absolute urls nested on one host', [{ id: 'x', url: 'https://cdn.example.org/feeds/' }, { id: 'y', url: 'https://CDN.example.org/feeds/y/' }],
      ['1:feed-url-overlap:x']],
    ['a relative url that reaches another host by "//" meets its absolute twin', [{ id: 'x', url: 'https://cdn.example.org/f/' }, { id: 'y', url: '//cdn.example.org/f/' }],
      ['1:feed-url-overlap:x']],
    ['not a web address', [{ id: 'x', url: 'ftp://example.org/feeds/x/' }, { id: 'y', url: 'http://' }, { id: 'z', url: 'javascript:alert(1)' }],
      ['0:feed-url-bad', '1:feed-url-bad', '2:feed-url-bad']],
  ])('%s', (_what, feeds, expected) => {
    expect(feedUrlProblems(feeds).map((p) => [p.index, p.code, p.params.other].filter((x) => x !== undefined).join(':'))).toEqual(expected);
  });

  it('names both feeds and both urls', () => {
    expect(feedUrlProblems([A, { id: 'b', url: '../feeds/a/b' }])).toEqual([
      { index: 1, code: 'feed-url-overlap', params: { feed: 'b', url: '../feeds/a/b', other: 'a', otherUrl: '../feeds/a/' } },
    ]);
  });

  it('resolves as the screen does (against the content folder, with a "/" added)', () => {
    const content = new URL('https://kiosk.example.org/site/content/');
    expect(feedFolder('../feeds/a', content)).toBe('https://kiosk.example.org/site/feeds/a/');
    expect(feedFolder('https://cdn.example.org/x/?y=1', content)).toBe('https://cdn.example.org/x/');
    // The "/" lands in the query: its files resolve beside "x".
    expect(feedFolder('https://cdn.example.org/x?y=1', content)).toBe('https://cdn.example.org/');
  });
});
