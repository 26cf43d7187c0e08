import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content/problem.ts';
import { verifyManifestSignature } from '../../src/sync/signature.ts';
import { makeFeedWorld } from '../fixtures/feeds/feed-world.ts';
import { loadContent } from '../../tools/lib/load-content.ts';

const NOW = Date.parse('2026-10-01T08:00:00Z');
const tmp = mkdtempSync(join(tmpdir(), 'sw-feeds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('feeds at build', () => {
  it('compiles each feed on its own, signed with its own key; the root carries the delegations with their keys', async () => {
    const world = await makeFeedWorld(join(tmp, 'a'));
    const dist = join(tmp, 'a', 'dist');
    const { root, feeds } = await world.publish(dist, NOW);
    expect(root.settings.feeds?.map((f) => f.id)).toEqual(['xuanwu', 'lvyuan', 'qingxi']);
    expect(feeds.map((f) => [f.id, f.outcome, f.manifest?.items.map((e) => e.id)])).toEqual([
      ['xuanwu', 'built', ['science/flu', 'science/fraud']],
      ['lvyuan', 'built', ['notices/class']],
      ['qingxi', 'built', ['notices/clinic']],
    ]);
    for (const d of root.settings.feeds!) {
      const raw: unknown = JSON.parse(readFileSync(join(dist, 'feeds', d.id, 'manifest.json'), 'utf8'));
      await verifyManifestSignature(raw, [d.key!], crypto.subtle);
      // Another feed's key does not verify it.
      const other = root.settings.feeds!.find((f) => f.id !== d.id)!;
      await expect(verifyManifestSignature(raw, [other.key!], crypto.subtle)).rejects.toMatchObject({ code: 'bad-signature' });
      expect((raw as { screens: unknown[] }).screens).toEqual([]);
    }
  });

  it('reports items outside a feed\'s scope, located, and leaves that feed unpublished while the others publish', async () => {
    const world = await makeFeedWorld(join(tmp, 'b'));
    world.write('lvyuan', 'notices/elsewhere', { kind: 'notice', title: '青溪的事', where: ['lvyuan', 'qingxi'] });
    world.write('lvyuan', 'notices/alarm', { kind: 'alert', title: '緊急', priority: 'emergency' });
    const { feeds } = await world.publish(join(tmp, 'b', 'dist'), NOW);
    const lv = feeds.find((f) => f.id === 'lvyuan')!;
    expect(lv.outcome).toBe('errors');
    const lines = lv.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, 'en'));
    expect(lines).toEqual([
      expect.stringMatching(/lvyuan\/items\/notices\/alarm\.json:1:\d+: priority "emergency" is not allowed for feed "lvyuan" \(allowed: normal, high\)/),
      expect.stringMatching(/lvyuan\/items\/notices\/elsewhere\.json:1:\d+: "qingxi" is outside feed "lvyuan"'s places \(xuanwu > yingshijie > lvyuan\)/),
    ]);
    expect(feeds.filter((f) => f.id !== 'lvyuan').map((f) => f.outcome)).toEqual(['built', 'built']);
  });

  it('a screen that names a feed not delegated is a located error', async () => {
    const world = await makeFeedWorld(join(tmp, 'd'));
    const file = join(world.content, 'screens', 'gate.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), feeds: ['xuanwu', 'lvyaun'] }));
    const r = loadContent(world.content);
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, 'en'))).toEqual([
      expect.stringMatching(/screens\/gate\.json:1:\d+: "lvyaun" is not a feed of settings\.json "feeds"; did you mean "lvyuan"\?/),
    ]);
  });

  it('refuses to sign a feed with a key other than the delegated one', async () => {
    const world = await makeFeedWorld(join(tmp, 'c'));
    world.keys.qingxi = world.keys.lvyuan;
    const { feeds } = await world.publish(join(tmp, 'c', 'dist'), NOW);
    expect(feeds.find((f) => f.id === 'qingxi')).toMatchObject({ outcome: 'errors', problems: [{ code: 'feed-key-mismatch' }] });
  });
});
