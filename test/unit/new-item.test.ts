import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, describe, expect, it } from 'vitest';
import { KINDS } from '../../src/content/keys.ts';
import { ItemSchema } from '../../src/content/schema.ts';
import { itemTemplate } from '../../tools/lib/templates.ts';

describe('npm run new', () => {
  it.each(KINDS)('has a template for %s that the schema accepts', (kind) => {
    expect(v.safeParse(ItemSchema, itemTemplate(kind, 'x')).issues).toBeUndefined();
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

  it('suggests the kind an editor meant', () => {
    const r = run('helth', 'x');
    expect(r.code).toBe(2);
    expect(r.out).toContain('did you mean "health"?');
  });
});
