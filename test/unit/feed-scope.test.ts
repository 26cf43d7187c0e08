import { describe, expect, it } from 'vitest';
import { feedOfId, scopeRefusal, screenInScope } from '../../src/content/scope.ts';
import type { FeedScope } from '../../src/content/schema.ts';

const PLACES = [
  ['xuanwu', 'yingshijie', 'lvyuan'],
  ['xuanwu', 'yingshijie', 'qingxi'],
  ['xuanwu', 'yingshijie'],
];
const LVYUAN: FeedScope = { places: [['xuanwu', 'yingshijie', 'lvyuan']], priorities: ['normal', 'high'] };
const TAGGED: FeedScope = { ...LVYUAN, tags: ['gate'] };
const DISTRICT: FeedScope = { places: [['xuanwu']], priorities: ['normal', 'high', 'emergency'] };

describe('scopeRefusal', () => {
  it.each([
    ['no where, normal', LVYUAN, {}, undefined],
    ['its own community', LVYUAN, { where: ['lvyuan'] }, undefined],
    ['high is allowed', LVYUAN, { where: ['lvyuan'], priority: 'high' as const }, undefined],
    ['emergency is not', LVYUAN, { priority: 'emergency' as const }, { code: 'scope-priority', value: 'emergency' }],
    ['another community', LVYUAN, { where: ['lvyuan', 'qingxi'] }, { code: 'scope-place', value: 'qingxi', at: 1 }],
    ['the whole street', LVYUAN, { where: ['yingshijie'] }, { code: 'scope-place', value: 'yingshijie', at: 0 }],
    ['the district', LVYUAN, { where: ['xuanwu'] }, { code: 'scope-place', value: 'xuanwu', at: 0 }],
    ['an unknown place', LVYUAN, { where: ['nowhere'] }, { code: 'scope-place', value: 'nowhere', at: 0 }],
    ['any tag when the scope lists none', LVYUAN, { where: ['tag:elderly'] }, undefined],
    ['a listed tag', TAGGED, { where: ['tag:gate'] }, undefined],
    ['an unlisted tag', TAGGED, { where: ['tag:elderly'] }, { code: 'scope-tag', value: 'tag:elderly', at: 0 }],
    ['the district reaches every community', DISTRICT, { where: ['qingxi', 'yingshijie'], priority: 'emergency' as const }, undefined],
  ])('%s', (_name, scope, item, expected) => {
    expect(scopeRefusal(item, scope, PLACES)).toEqual(expected);
  });

  it('a segment that occurs outside the scope anywhere is outside (a name used twice)', () => {
    const twice = [...PLACES, ['gulou', 'lvyuan']];
    expect(scopeRefusal({ where: ['lvyuan'] }, LVYUAN, twice)).toEqual({ code: 'scope-place', value: 'lvyuan', at: 0 });
  });
});

describe('screenInScope and feedOfId', () => {
  it.each([
    [['xuanwu', 'yingshijie', 'lvyuan'], true],
    [['xuanwu', 'yingshijie', 'lvyuan', 'b3'], true],
    [['xuanwu', 'yingshijie', 'qingxi'], false],
    [['xuanwu', 'yingshijie'], false],
  ])('%j', (place, inside) => expect(screenInScope(place, LVYUAN)).toBe(inside));

  it.each([['lvyuan:notices/water', 'lvyuan'], ['health/winter/dongzhi', undefined], [':x', undefined]])('%s', (id, feed) =>
    expect(feedOfId(id)).toBe(feed));
});
