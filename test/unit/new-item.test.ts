import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, describe, expect, it } from 'vitest';
import { KINDS } from '../../src/content/keys.ts';
import { ItemSchema } from '../../src/content/schema.ts';
import { loadContent } from '../../tools/lib/load-content.ts';
import { itemTemplate } from '../../tools/lib/templates.ts';

const NOW = Date.parse('2026-12-02T10:00:00+08:00');
const AT = { now: NOW, timeZone: 'Asia/Shanghai' };

describe('npm run new', () => {
  it.each(KINDS)('has a template for %s that the schema accepts, a draft', (kind) => {
    const t = itemTemplate(kind, 'x', AT);
    expect(v.safeParse(ItemSchema, t).issues).toBeUndefined();
    expect(t.status).toBe('draft');
  });

  it('takes the season or solar term from the folder, and dates from the day it is made', () => {
    expect(itemTemplate('health', 'x', { ...AT, path: 'health/winter/x' }).when).toEqual({ seasons: ['winter'] });
    expect(itemTemplate('health', 'x', { ...AT, path: 'autumn/shuangjiang/x' }).when).toEqual({ solarTerms: ['shuangjiang'] });
    expect(itemTemplate('health', 'x', { ...AT, path: 'health/x' }).when).toBeUndefined();
    const event = itemTemplate('event', 'x', AT).event as { starts: string; ends: string };
    expect(event).toMatchObject({ starts: '2026-12-16T09:00:00+08:00', ends: '2026-12-16T11:30:00+08:00' });
    expect(itemTemplate('notice', 'x', AT).when).toEqual({ from: '2026-12-02', until: '2027-01-01' });
    expect(itemTemplate('alert', 'x', AT).expires).toBe('2026-12-03T20:00:00+08:00');
  });

  const dir = mkdtempSync(join(tmpdir(), 'sw-new-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) => {
    try {
      return { code: 0, out: execFileSync('npx', ['tsx', 'tools/new-item.ts', '--content', dir, ...args], { encoding: 'utf8', stdio: 'pipe' }) };
    } catch (e) {
      const err = e as { status: number; stderr: string };
      return { code: err.status, out: err.stderr };
    }
  };

  it('writes an item with a working $schema path, and refuses to overwrite it', () => {
    expect(run('health', 'autumn/new-tip').code).toBe(0);
    const file = join(dir, 'items/autumn/new-tip.json');
    const item = JSON.parse(readFileSync(file, 'utf8'));
    expect(item.kind).toBe('health');
    expect(item.$schema).toMatch(/public\/schema\/item\.schema\.json$/);
    const again = run('notice', 'autumn/new-tip');
    expect(again.code).toBe(1);
    expect(again.out).toContain('already exists');
    expect(JSON.parse(readFileSync(file, 'utf8')).kind).toBe('health');
  });

  it('a new item validates without error, is not published, and the validator points at each word left from the template', () => {
    for (const [kind, path] of [['health', 'health/winter/tip'], ['event', 'events/fair'], ['policy', 'policy/meeting']] as const) {
      expect(run(kind, path, '--now', '2026-12-02T10:00:00+08:00').code).toBe(0);
    }
    const c = loadContent(dir, { now: NOW });
    const mine = c.problems.filter((p) => p.file.includes('/items/'));
    expect(mine.filter((p) => p.severity === 'error')).toEqual([]);
    const codes = (f: string) => mine.filter((p) => p.file.endsWith(f)).map((p) => `${p.code}@${p.line}`);
    expect(codes('health/winter/tip.json')).toEqual(['template-text@5', 'template-text@6', 'template-text@8', 'template-text@9', 'template-text@10']);
    expect(codes('events/fair.json')).toEqual(['template-text@5', 'template-text@6', 'template-text@10', 'example-link@12']);
    expect(c.items.find((i) => i.id === 'health/winter/tip')).toMatchObject({ status: 'draft', when: { seasons: ['winter'] } });
  });

  it('suggests the kind an editor meant', () => {
    const r = run('helth', 'x');
    expect(r.code).toBe(2);
    expect(r.out).toContain('did you mean "health"?');
  });
});
