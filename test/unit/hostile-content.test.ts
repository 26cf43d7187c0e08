/**
 * Hostile content (issue 13, item 4): broken files of every kind never crash the validator or
 * the compiler, every problem is located in its file on one line, and a failed build leaves
 * the output folder as it was. Seeded: a failure names its case and replays the same way.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContent } from '../../tools/lib/compile.ts';
import { loadContent } from '../../tools/lib/load-content.ts';
import { misspeltKeys, wrongTypeFiles } from './hostile/exhaustive.ts';
import { snapshot, writeBrokenFolder, writeSeedFolder } from './hostile/folders.ts';
import { brokenFile } from './hostile/mutations.ts';
import { assertFileProperties, assertLocated, problemsOf } from './hostile/properties.ts';
import { hugeFiles } from './hostile/huge.ts';
import { damagedManifests, damagedPages } from './hostile/manifests.ts';

const SEED = 20261013;
const FILE_RUNS = 10_000;
const FOLDER_RUNS = 12;
const NOW = Date.parse('2026-10-01T08:00:00Z');
const YEARS: [number, number] = [2026, 2026];
const tmp = mkdtempSync(join(tmpdir(), 'sw-hostile-'));
const counts = { random: 0, wrongType: 0, misspelt: 0, huge: 0, inFolders: 0, folders: 0, manifests: 0 };
const started = performance.now();

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  const files = counts.random + counts.wrongType + counts.misspelt + counts.huge + counts.inFolders;
  console.log(`hostile content: ${files} broken files (${counts.random} random, seed ${SEED}; ${counts.wrongType} wrong types; `
    + `${counts.misspelt} misspelt keys; ${counts.huge} of 10 MB; ${counts.inFolders} in ${counts.folders} folders built), `
    + `${counts.manifests} damaged manifests; no crash (${Math.round((performance.now() - started) / 1000)} s)`);
});

describe('hostile content files, one at a time (the loader\'s per-file path)', () => {
  it('the seeds themselves are valid, so that what breaks them is the mutation', () => {
    const dir = join(tmp, 'seeds');
    writeSeedFolder(dir);
    expect(loadContent(dir, { now: NOW }).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('random broken files: never a throw, always located, one line, not-UTF-8 refused', () => {
    fc.assert(fc.property(brokenFile, (f) => {
      counts.random++;
      assertFileProperties(f);
    }), { seed: SEED, numRuns: FILE_RUNS, endOnFailure: true });
  }, 120_000);

  it('a wrong value at every key and list entry of every kind of file', () => {
    for (const f of wrongTypeFiles()) {
      counts.wrongType++;
      expect(() => assertFileProperties(f), f.label).not.toThrow();
    }
  }, 60_000);

  it('every misspelt key is pointed at, with "did you mean"', () => {
    for (const f of misspeltKeys()) {
      counts.misspelt++;
      const p = problemsOf(f).find((x) => x.code === 'unknown-key');
      const lines = new TextDecoder().decode(f.bytes).split('\n');
      expect(lines[p!.line - 1]!.slice(p!.col - 1), f.label).toMatch(new RegExp(`^${JSON.stringify(f.wrong).replace(/[$]/g, '\\$')}:`));
      if (f.key.length > 3) expect(p!.params.suggestion, f.label).toBe(f.key);
    }
  });

  // How fast: `npm run bench` (hostile section), never a timed test on a shared box.
  it('a 10 MB string, wherever it is: no crash, a located error', () => {
    for (const f of hugeFiles()) {
      counts.huge++;
      assertFileProperties(f);
    }
  }, 120_000);
});

describe('hostile content folders: validate and build', () => {
  const out = join(tmp, 'out');
  const seeds = join(tmp, 'seed-folder');
  beforeAll(async () => {
    writeSeedFolder(seeds);
    const r = await compileContent({ contentDir: seeds, outDir: out, now: NOW, calendarYears: YEARS });
    expect(r.ok).toBe(true);
  }, 60_000);

  it('many broken files in a folder: no throw, every problem located, a failed build leaves the output as it was', async () => {
    await fc.assert(fc.asyncProperty(fc.array(brokenFile, { minLength: 20, maxLength: 60 }), async (files) => {
      counts.folders++;
      counts.inFolders += files.length;
      const dir = join(tmp, 'broken');
      const written = writeBrokenFolder(dir, files);
      assertLocated(loadContent(dir, { now: NOW }).problems, written);
      const before = snapshot(out);
      const r = await compileContent({ contentDir: dir, outDir: out, now: NOW, calendarYears: YEARS });
      assertLocated(r.problems, written);
      if (!r.ok) expect(snapshot(out)).toEqual(before);
    }), { seed: SEED, numRuns: FOLDER_RUNS, endOnFailure: true });
  }, 120_000);

  it('a damaged previous manifest is treated as absent; with broken content nothing is written', async () => {
    const broken = join(tmp, 'one-broken');
    writeBrokenFolder(broken, [{ kind: 'item', label: 'titel', bytes: new TextEncoder().encode('{ "kind": "health", "titel": "x" }') }]);
    for (const [label, bytes] of damagedManifests(join(out, 'manifest.json'))) {
      counts.manifests++;
      const dir = join(tmp, `out-${counts.manifests}`);
      await compileContent({ contentDir: seeds, outDir: dir, now: NOW, calendarYears: YEARS });
      writeFileSync(join(dir, 'manifest.json'), bytes);
      const before = snapshot(dir);
      const failed = await compileContent({ contentDir: broken, outDir: dir, now: NOW, calendarYears: YEARS });
      expect(failed.ok, label).toBe(false);
      expect(snapshot(dir), label).toEqual(before);
      const r = await compileContent({ contentDir: seeds, outDir: dir, now: NOW, calendarYears: YEARS });
      expect(r.ok, label).toBe(true);
      expect(r.written, label).toContain('manifest.json');
      expect(snapshot(dir), label).toEqual(snapshot(out));
    }
  }, 120_000);

  it('a damaged page of the previous manifest: the previous set is treated as absent, the page is written again', async () => {
    const root = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { pages: { url: string }[] };
    const page = root.pages[0]!.url;
    for (const [label, bytes] of damagedPages(join(out, page))) {
      counts.manifests++;
      const dir = join(tmp, `out-${counts.manifests}`);
      await compileContent({ contentDir: seeds, outDir: dir, now: NOW, calendarYears: YEARS });
      if (bytes) writeFileSync(join(dir, page), bytes);
      else rmSync(join(dir, page));
      const r = await compileContent({ contentDir: seeds, outDir: dir, now: NOW, calendarYears: YEARS });
      expect(r.ok, label).toBe(true);
      expect(r.written, label).toContain(page);
      expect(snapshot(dir), label).toEqual(snapshot(out));
    }
  }, 120_000);
});

