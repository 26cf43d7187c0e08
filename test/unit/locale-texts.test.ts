/**
 * Languages: a screen in a language the items lack falls back with one warning per item and
 * never stops the publish; a zh-Hans screen is warned of Traditional characters; and with
 * "simplifiedFromTraditional" the build fills zh-Hans by OpenCC conversion.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localText } from '../../src/calendar/local-text.ts';
import { loadContent } from '../../tools/lib/load-content.ts';
import { simplified } from '../../tools/lib/locale-texts.ts';

const NOW = Date.parse('2026-10-01T00:00:00+08:00');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The sample content with one more screen in `locale`, and settings changed by `settings`. */
function sampleWith(locale: string, settings: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-locale-'));
  dirs.push(dir);
  cpSync('content', dir, { recursive: true });
  const screen = JSON.parse(readFileSync(join(dir, 'screens/lvyuan-gate.json'), 'utf8'));
  writeFileSync(join(dir, 'screens/lvyuan-extra.json'), JSON.stringify({ ...screen, id: 'lvyuan-extra', locale }));
  const s = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ...s, ...settings }));
  return dir;
}

describe('a screen in a language the items lack', () => {
  it('an English screen: no error, one warning per item with missing English, every item still published', () => {
    const base = loadContent('content', { now: NOW });
    const c = loadContent(sampleWith('en'), { now: NOW });
    expect(c.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(c.items.map((i) => i.id)).toEqual(base.items.map((i) => i.id));
    const missing = c.problems.filter((p) => p.code === 'missing-locale-text');
    expect(missing.length).toBeGreaterThan(10);
    const files = missing.map((p) => p.file);
    expect(new Set(files).size, 'one warning per item').toBe(files.length);
    expect(missing.every((p) => p.severity === 'warning' && p.params.fallback === 'zh-Hant' && p.line > 1)).toBe(true);
  });

  it('a zh-Hans screen: Traditional single-string texts are warned of, with the fields named', () => {
    const c = loadContent(sampleWith('zh-Hans'), { now: NOW });
    const hant = c.problems.filter((p) => p.code === 'traditional-on-simplified');
    expect(hant.length).toBeGreaterThan(5);
    expect(hant.every((p) => p.severity === 'warning' && Number(p.params.count) > 0 && String(p.params.fields).length > 0)).toBe(true);
  });

  it('with "simplifiedFromTraditional": every text a zh-Hans screen shows is Simplified, and the option stays at build time', () => {
    const c = loadContent(sampleWith('zh-Hans', { simplifiedFromTraditional: true }), { now: NOW });
    expect(c.problems.filter((p) => p.code === 'traditional-on-simplified')).toEqual([]);
    expect(c.problems.some((p) => p.code === 'simplified-filled')).toBe(true);
    expect(c.settings).not.toHaveProperty('simplifiedFromTraditional');
    const raw = loadContent('content', { now: NOW }).items.find((i) => i.id === 'safety/earthquake')!;
    expect(raw.points!.every((p) => typeof p === 'string'), 'the sample writes these points as one string').toBe(true);
    const quake = c.items.find((i) => i.id === 'safety/earthquake')!;
    for (const [k, p] of (quake.points ?? []).entries()) {
      const hans = localText(p, 'zh-Hans');
      expect(simplified(hans), hans).toBe(hans);
      // The Traditional screens keep the text as written.
      expect(localText(p, 'zh-Hant')).toBe(raw.points![k]);
    }
    expect(quake.points!.some((p, k) => localText(p, 'zh-Hans') !== raw.points![k]), 'some point was converted').toBe(true);
  });
});
