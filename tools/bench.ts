/**
 * `npm run bench`: the benchmarks, printing figures and ratios (never run as timed tests).
 *  - validate and compile 1,000 and 10,000 generated items (goal: ≤ 5 s for 10,000, linear);
 *  - the loop for 10,000 items at one instant (goal: ≤ 10 ms).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileContent } from './lib/compile.ts';
import { loadContent } from './lib/load-content.ts';
import { benchSchedule } from './bench-schedule.ts';

const KINDS = ['health', 'policy', 'safety', 'notice', 'event'] as const;
const SEASONS = ['spring', 'summer', 'autumn', 'winter'];

/** A content folder with n varied, valid items (deterministic). */
export function generateContent(dir: string, n: number): void {
  cpSync('content/settings.json', join(dir, 'settings.json'));
  cpSync('content/screens', join(dir, 'screens'), { recursive: true });
  cpSync('content/assets', join(dir, 'assets'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const folder = join(dir, 'items', kind, String(Math.floor(i / 100)));
    mkdirSync(folder, { recursive: true });
    const item: Record<string, unknown> = {
      kind,
      title: { 'zh-Hant': `第 ${i} 則 科普小知識`, 'zh-Hans': `第 ${i} 则 科普小知识` },
      summary: '天氣轉涼，注意保暖，適量運動，均衡飲食。',
      points: ['早睡早起', '多喝溫水', '飯後散步三十分鐘', '定期量血壓'],
      when: i % 3 === 0 ? { seasons: [SEASONS[i % 4]] } : i % 3 === 1 ? { from: '2026-01-01', until: '2027-12-31', weekdays: [1, 2, 3, 4, 5] } : undefined,
      where: i % 4 === 0 ? ['yingshijie'] : i % 4 === 1 ? ['tag:elderly'] : undefined,
    };
    if (kind === 'event') {
      const day = String(1 + (i % 28)).padStart(2, '0');
      item.event = { starts: `2027-03-${day}T09:00:00+08:00`, ends: `2027-03-${day}T11:00:00+08:00`, place: '社區活動中心' };
      item.link = `https://example.org/e/${i}`;
    }
    if (kind === 'safety') Object.assign(item, { image: 'assets/safety/fire.svg', imageAlt: '防火海報' });
    writeFileSync(join(folder, `item-${i}.json`), JSON.stringify(item, null, 2));
  }
}

async function time<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
}

const root = mkdtempSync(join(tmpdir(), 'sw-bench-'));
try {
  console.log('content: validate and compile (2 cores; goal ≤ 5 s for 10,000 items, linear)');
  const rows: { n: number; validate: number; compile: number }[] = [];
  for (const n of [1_000, 10_000]) {
    const dir = join(root, `c${n}`);
    generateContent(dir, n);
    const [loaded, validate] = await time(() => loadContent(dir));
    if (loaded.problems.some((p) => p.severity === 'error')) throw new Error('generated content has errors');
    const [result, compile] = await time(() => compileContent({ contentDir: dir, outDir: join(root, `o${n}`), now: Date.parse('2026-10-01T00:00:00Z') }));
    if (!result.ok) throw new Error('compile failed');
    rows.push({ n, validate, compile });
    console.log(`  ${String(n).padStart(6)} items: validate ${validate.toFixed(0).padStart(5)} ms, validate+compile ${compile.toFixed(0).padStart(5)} ms`);
  }
  const [a, b] = rows as [typeof rows[0], typeof rows[0]];
  console.log(`  ratio 10,000 / 1,000: validate ×${(b.validate / a.validate).toFixed(1)}, compile ×${(b.compile / a.compile).toFixed(1)} (linear = ×10)`);
  console.log(`  10,000 items compile: ${(b.compile / 1000).toFixed(2)} s (${b.compile <= 5000 ? 'within' : 'OVER'} the 5 s goal)`);
  await benchSchedule(join(root, 'c10000'));
} finally {
  rmSync(root, { recursive: true, force: true });
}
