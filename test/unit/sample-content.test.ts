import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../src/content/keys.ts';
import { loadContent } from '../../tools/lib/load-content.ts';

const content = loadContent('content');

describe('the sample content', () => {
  it('validates without errors', () => {
    expect(content.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('covers every kind, the four seasons and at least 12 solar terms, with 40 items or more', () => {
    const items = content.items;
    expect(items.length).toBeGreaterThanOrEqual(40);
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(KINDS));
    const health = items.filter((i) => i.kind === 'health');
    expect(new Set(health.flatMap((i) => i.when?.seasons ?? []))).toEqual(new Set(['spring', 'summer', 'autumn', 'winter']));
    expect(new Set(health.flatMap((i) => i.when?.solarTerms ?? [])).size).toBeGreaterThanOrEqual(12);
    expect(items.filter((i) => i.kind === 'policy' && i.sample).length).toBeGreaterThanOrEqual(3);
    expect(items.filter((i) => i.kind === 'safety' && i.image?.endsWith('.svg')).length).toBeGreaterThanOrEqual(8);
    expect(items.filter((i) => i.when?.festivals?.includes('chongyang') && i.when.around).length).toBeGreaterThanOrEqual(1);
    expect(items.some((i) => i.kind === 'alert' && i.status === 'draft')).toBe(true);
    expect(items.some((i) => typeof i.title === 'object' && 'zh-Hans' in i.title && 'zh-Hant' in i.title)).toBe(true);
  });

  it('has three screens on district > street > community paths', () => {
    expect(content.screens.map((s) => [s.id, s.orientation])).toEqual([
      ['lvyuan-gate', 'landscape'], ['qingxi-corridor', 'portrait'], ['yingshijie-lobby', 'landscape'],
    ]);
  });

  it('points every "$schema" at a schema file that exists', () => {
    for (const [, sf] of content.itemFiles) {
      const schema = (JSON.parse(sf.source.text) as { $schema?: string }).$schema;
      expect(schema, sf.file).toBeDefined();
      expect(existsSync(join(dirname(sf.file), schema!)), `${sf.file} → ${schema}`).toBe(true);
    }
  });
});
