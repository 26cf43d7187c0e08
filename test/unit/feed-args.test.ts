/** `npm run validate`'s feed arguments: which scope a folder is checked against. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { feedOfArgs, type FeedArgs } from '../../tools/lib/feed-args.ts';

afterEach(() => vi.restoreAllMocks());

describe('feedOfArgs', () => {
  it.each<[string, FeedArgs, string, { id: string; places: string[][]; priorities: string[]; tags?: string[] } | undefined]>([
    // [what, arguments, folder, the feed's id and scope]
    ['no feed arguments: the root', {}, 'content', undefined],
    ['--scope without --priorities allows normal and high, never emergency', { scope: 'xuanwu>yingshijie>lvyuan' }, 'feeds/lvyuan',
      { id: 'lvyuan', places: [['xuanwu', 'yingshijie', 'lvyuan']], priorities: ['normal', 'high'] }],
    ['--feed with --scope: the scope given here (not the delegation), for that id', { feed: 'lvyuan', scope: 'xuanwu>yingshijie' }, 'elsewhere',
      { id: 'lvyuan', places: [['xuanwu', 'yingshijie']], priorities: ['normal', 'high'] }],
    ['--priorities as given', { scope: 'xuanwu;xuanwu>yingshijie', priorities: 'normal' }, 'feeds/x',
      { id: 'x', places: [['xuanwu'], ['xuanwu', 'yingshijie']], priorities: ['normal'] }],
    ['emergency only when given', { scope: 'xuanwu', priorities: 'normal, high, emergency', tags: 'gate' }, 'feeds/xuanwu',
      { id: 'xuanwu', places: [['xuanwu']], priorities: ['normal', 'high', 'emergency'], tags: ['gate'] }],
    ['--feed alone: its delegation in the root', { feed: 'xuanwu' }, 'feeds/xuanwu',
      { id: 'xuanwu', places: [['xuanwu']], priorities: ['normal', 'high', 'emergency'] }],
  ])('%s', (_what, args, dir, expected) => {
    const f = feedOfArgs(args, dir);
    expect(f && { id: f.id, ...f.scope }).toEqual(expected);
  });

  it.each<[string, FeedArgs, RegExp]>([
    ['an unknown priority', { scope: 'xuanwu', priorities: 'normal,urgent' }, /--priorities: "urgent" is not one of normal, high, emergency/],
    ['--priorities without --scope (the delegation would win, silently)', { feed: 'lvyuan', priorities: 'normal' }, /--priorities and --tags go with --scope/],
    ['a feed the root does not delegate', { feed: 'nowhere' }, /no feed "nowhere"/],
  ])('exits 2: %s', (_what, args, message) => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => feedOfArgs(args, 'feeds/x')).toThrow('exit 2');
    expect(exit).toHaveBeenCalledWith(2);
    expect(said.mock.calls[0]?.[0]).toMatch(message);
  });
});
