/**
 * Bench, hostile section: the time to validate a content folder whose one item carries a
 * 10 MB string (as a value, a key, a text, a link, unclosed…), against each file's budget.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hugeFiles } from '../../test/unit/hostile/huge.ts';
import { loadContent } from '../lib/load-content.ts';

export function benchHugeStrings(): void {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-huge-'));
  try {
    cpSync('content/screens', join(dir, 'screens'), { recursive: true });
    cpSync('content/settings.json', join(dir, 'settings.json'));
    mkdirSync(join(dir, 'items'));
    console.log('\nhostile: validate a folder whose one item has a 10 MB string (best of 2)');
    for (const f of hugeFiles()) {
      writeFileSync(join(dir, 'items', 'huge.json'), f.bytes);
      const ms = Math.min(...[0, 1].map(() => {
        const t = performance.now();
        loadContent(dir);
        return performance.now() - t;
      }));
      console.log(`  ${f.label.padEnd(22)} ${String(Math.round(ms)).padStart(6)} ms  (budget ${f.budgetMs} ms${ms > f.budgetMs ? ', OVER' : ''})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
