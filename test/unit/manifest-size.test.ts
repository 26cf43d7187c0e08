/**
 * Issue 13 item 6: one changed item among 1,000 moves ≤ 8 KB of manifest on the wire (gzip),
 * among 10,000 ≤ 16 KB (the root and the changed page), where the format-1 manifest moved all of
 * it. Generated content (tools/lib/generate-content.ts), compiled in memory. A size check.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOutput } from '../../tools/lib/compile.ts';
import { generateContent } from '../../tools/lib/generate-content.ts';
import { manifestMoved } from '../../tools/lib/manifest-bytes.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sw-manifest-size-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('manifest bytes moved by one changed item', () => {
  it.each([[1_000, 8 * 1024], [10_000, 16 * 1024]])('%i items: ≤ %i B gzip', async (n, goal) => {
    const dir = join(tmp, String(n));
    generateContent(dir, n);
    const now = Date.parse('2026-10-01T00:00:00Z');
    const a = await buildOutput({ contentDir: dir, now });
    const file = join(dir, 'items/health/0/item-0.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('科普小知識', '科普小常識'));
    const b = await buildOutput({ contentDir: dir, now: now + 60_000 });
    const moved = manifestMoved(a.manifest!, b.manifest!, b.files);
    console.log(`${n} items, 1 changed: root ${moved.root} B + ${moved.changedPages} page ${moved.pages} B = ${moved.after} B gzip (format 1: ${moved.before} B)`);
    expect(moved.changedPages).toBe(1);
    expect(moved.after).toBeLessThanOrEqual(goal);
    expect(moved.after * 10).toBeLessThan(moved.before);
  }, 60_000);
});
