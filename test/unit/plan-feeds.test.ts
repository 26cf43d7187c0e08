import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlan } from '../../tools/plan.ts';
import { type FeedWorld, makeFeedWorld } from '../fixtures/feeds/feed-world.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sw-plan-feeds-'));
let world: FeedWorld;
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(async () => {
  world = await makeFeedWorld(tmp);
  world.write('lvyuan', 'notices/alarm', { kind: 'alert', title: '假警報', priority: 'emergency' });
  world.write('lvyuan', 'notices/next-door', { kind: 'notice', title: '隔壁的事', where: ['qingxi'] });
  await world.publish(join(tmp, 'dist'), Date.parse('2026-10-01T00:00:00Z'));
});

async function plan(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPlan(['--content', world.content, '--feeds', world.feeds, ...args], { out: (l) => out.push(l), err: (l) => err.push(l), cwd: tmp });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run plan with feeds', () => {
  it('plays the root and the feeds of the screen\'s scope, says each slide\'s feed, each refused item and each feed', async () => {
    const r = await plan('--screen', 'gate', '--at', '2026-10-18T09:00:00+08:00', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      slides: { id: string; feed: string | null }[]; excluded: { id: string; reasons: string[] }[];
      refused: { id: string; feed: string; code: string; reason: string }[]; feeds: { id: string; items: number; errors: number; version: string | null }[];
    };
    // The root's (the high one twice), the district's and this community's; never the other community's.
    expect([...new Set(doc.slides.map((s) => `${s.id} ${s.feed}`))].sort()).toEqual([
      'health/chongyang null', 'health/water null', 'lvyuan:notices/class lvyuan', 'notice null',
      'xuanwu:science/flu xuanwu', 'xuanwu:science/fraud xuanwu',
    ]);
    expect(doc.excluded.find((e) => e.id === 'qingxi:notices/clinic')?.reasons).toEqual(['這個螢幕不在來源「qingxi」的範圍內']);
    expect(doc.refused).toEqual([
      { id: 'lvyuan:notices/alarm', feed: 'lvyuan', code: 'scope-priority', reason: expect.stringContaining('不能使用優先級 "emergency"') },
      { id: 'lvyuan:notices/next-door', feed: 'lvyuan', code: 'scope-place', reason: expect.stringContaining('"qingxi" 不在來源 "lvyuan" 可發布的地點') },
    ]);
    // lvyuan's build failed on those two (its last build is none here); the others built.
    expect(doc.feeds.map((f) => [f.id, f.items, f.errors, f.version === null ? null : 'built'])).toEqual([
      ['xuanwu', 2, 0, 'built'], ['lvyuan', 1, 2, null], ['qingxi', 1, 0, 'built'],
    ]);
  });

  it('prints the feeds and the refused in words', async () => {
    const r = await plan('--screen', 'gate', '--at', '2026-10-18T09:00:00+08:00', '--lang', 'en');
    expect(r.out).toContain('Refused (outside their feed\'s scope): 2');
    expect(r.out).toMatch(/lvyuan:notices\/alarm {2}priority "emergency" is not allowed for feed "lvyuan"/);
    expect(r.out).toMatch(/qingxi {2}feeds\/qingxi {2}1 item\(s\), 0 error\(s\); last build [0-9a-f]{12} @ 2026-10-01T00:00:00.000Z/);
  });
});
