import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManifestPageSchema, RootManifestSchema } from '../../src/content/manifest.ts';
import { CompiledItemSchema } from '../../src/content/schema.ts';
import { compileContent, readManifest } from '../../tools/lib/compile.ts';

const NOW = Date.parse('2026-10-01T08:00:00Z');
const LATER = Date.parse('2026-10-02T08:00:00Z');
const YEARS: [number, number] = [2026, 2027];
const tmp = mkdtempSync(join(tmpdir(), 'sw-compile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file under a folder with its bytes, for byte-for-byte comparisons. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, f);
    try {
      out[f] = readFileSync(p).toString('base64');
    } catch {
      /* a folder */
    }
  }
  return out;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('compiler', () => {
  const content = join(tmp, 'content');
  const out = join(tmp, 'out');
  beforeAll(() => cpSync('test/fixtures/valid', content, { recursive: true }));

  it('writes a valid root, pages and content-addressed files whose names are their sha256', async () => {
    const r = await compileContent({ contentDir: content, outDir: out, now: NOW, calendarYears: YEARS });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    const text = readFileSync(join(out, 'manifest.json'), 'utf8');
    expect(text.split('\n')).toHaveLength(2); // minified, one final newline
    const root = v.parse(RootManifestSchema, JSON.parse(text));
    expect(root.generated).toBe('2026-10-01T08:00:00.000Z');
    expect(root.pages.length).toBe(2); // 4 items: 2 pages (the power of two nearest √4)
    for (const e of root.pages) {
      const bytes = readFileSync(join(out, e.url));
      expect([sha(bytes), bytes.byteLength, e.url]).toEqual([e.hash, e.bytes, `pages/${e.hash}.json`]);
      const page = v.parse(ManifestPageSchema, JSON.parse(bytes.toString('utf8')));
      // An item's assets travel in its page.
      expect(page.items.length).toBeGreaterThan(0);
      for (const e of page.items) {
        const item = JSON.parse(readFileSync(join(out, e.url), 'utf8')) as { image?: string; qr?: string };
        for (const path of [item.image, item.qr]) if (path) expect(page.assets.map((a) => a.path)).toContain(path);
      }
    }
    const manifest = readManifest(join(out, 'manifest.json'))!;
    expect(manifest).toEqual(r.manifest);
    expect(manifest.items.map((i) => [i.id, i.kind])).toEqual([
      ['events/winter', 'event'], ['health/chongyang', 'health'], ['health/water', 'health'], ['notice', 'notice'],
    ]);
    expect(manifest.assets.map((a) => a.path)).toEqual(['assets/climb.svg', expect.stringMatching(/^qr\/[0-9a-f]{20}\.svg$/)]);
    expect(manifest.screens.map((s) => s.id)).toEqual(['corridor', 'gate']);
    for (const e of [...manifest.items, ...manifest.assets, manifest.calendar]) {
      const bytes = readFileSync(join(out, e.url));
      expect(sha(bytes)).toBe(e.hash);
      expect(e.url).toContain(e.hash);
      expect(bytes.byteLength).toBe(e.bytes);
    }
    for (const e of manifest.items) {
      const item = v.parse(CompiledItemSchema, JSON.parse(readFileSync(join(out, e.url), 'utf8')));
      expect(item.id).toBe(e.id);
      if (item.link) expect(manifest.assets.find((a) => a.path === item.qr)?.type).toBe('image/svg+xml');
      if (item.image) expect(manifest.assets.some((a) => a.path === item.image)).toBe(true);
    }
  });

  it('gives byte-identical output when built twice, and writes nothing the second time', async () => {
    const before = snapshot(out);
    const r = await compileContent({ contentDir: content, outDir: out, now: LATER, calendarYears: YEARS });
    expect(r.written).toEqual([]);
    expect(snapshot(out)).toEqual(before);
  });

  it('gives the same files in a fresh folder (determinism is not an accident of caching)', async () => {
    const other = join(tmp, 'out2');
    await compileContent({ contentDir: content, outDir: other, now: NOW, calendarYears: YEARS });
    expect(snapshot(other)).toEqual(snapshot(out));
  });

  it('moves only the changed item, its page and the manifest when one item changes', async () => {
    const old = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const target = join(content, 'items/notice.json');
    const text = readFileSync(target, 'utf8');
    writeFileSync(target, text.replace(/"title":\s*("[^"]*"|\{[^}]*\})/, '"title": "新的標題"'));
    const r = await compileContent({ contentDir: content, outDir: out, now: LATER, calendarYears: YEARS });
    expect(r.ok).toBe(true);
    expect(r.written.filter((w) => w.startsWith('items/'))).toHaveLength(1);
    expect(r.written.filter((w) => w.startsWith('pages/'))).toHaveLength(1);
    expect(r.written).toContain('manifest.json');
    expect(r.written.filter((w) => !/^(items|pages)\//.test(w) && w !== 'manifest.json')).toEqual([]);
    expect(r.manifest!.pages.filter((e) => !old.pages.some((o: { hash: string }) => o.hash === e.hash))).toHaveLength(1);
    expect(r.manifest!.version).not.toBe(old.version);
    expect(r.manifest!.generated).toBe(new Date(LATER).toISOString());
    // The previous set stays published until the next build, for screens mid-sync.
    expect(r.removed).toEqual([]);
    writeFileSync(target, text);
  });

  it('leaves the previous output untouched when the content has an error', async () => {
    const before = snapshot(out);
    writeFileSync(join(content, 'items/broken.json'), '{ "kind": "health", "titel": "x" }');
    const r = await compileContent({ contentDir: content, outDir: out, now: LATER, calendarYears: YEARS });
    rmSync(join(content, 'items/broken.json'));
    expect(r.ok).toBe(false);
    expect(r.problems.some((p) => p.code === 'unknown-key' && p.file.endsWith('items/broken.json'))).toBe(true);
    expect(snapshot(out)).toEqual(before);
  });

  it('ships calendar tables for the years asked', async () => {
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect([m.calendar.firstYear, m.calendar.lastYear]).toEqual(YEARS);
  });
});
