/**
 * Manifest bytes on the wire (gzip) for one changed item among n: the paged format (the root
 * and the changed page) against the format-1 manifest of the same entries, which moved whole.
 * Goals (issue 13 item 6): ≤ 8 KB among 1,000 items, ≤ 16 KB among 10,000.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOutput } from '../lib/compile.ts';
import { manifestMoved } from '../lib/manifest-bytes.ts';

const GOALS: Record<number, number> = { 1_000: 8 * 1024, 10_000: 16 * 1024 };

export async function benchManifest(dirs: { n: number; dir: string }[]): Promise<void> {
  console.log('manifest bytes on the wire for 1 changed item (gzip; goals ≤ 8 KB for 1,000, ≤ 16 KB for 10,000)');
  for (const { n, dir } of dirs) {
    const now = Date.parse('2026-10-01T00:00:00Z');
    const a = await buildOutput({ contentDir: dir, now });
    const file = join(dir, 'items/policy/0/item-1.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('科普小知識', '科普小常識'));
    try {
      const b = await buildOutput({ contentDir: dir, now: now + 60_000 });
      const m = manifestMoved(a.manifest!, b.manifest!, b.files);
      const goal = GOALS[n];
      const verdict = goal === undefined ? '' : ` (${m.after <= goal ? 'within' : 'OVER'} the ${goal / 1024} KB goal)`;
      console.log(`  ${String(n).padStart(6)} items: before ${m.before} B (format 1, whole), after ${m.after} B = root ${m.root} B + ${m.changedPages} page ${m.pages} B${verdict}: ×${(m.before / m.after).toFixed(0)} less`);
    } finally {
      writeFileSync(file, text);
    }
  }
}
