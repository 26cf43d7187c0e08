/**
 * `npm run bench`: the benchmarks, printing figures and ratios (never run as timed tests).
 *  - validate and compile 1,000 and 10,000 generated items (goal: ≤ 5 s for 10,000, linear);
 *  - the loop for 10,000 items: the first call, the same instant again and a new minute each
 *    run, as a screen and as the preview (goal: ≤ 10 ms), and an hour of frames for the page;
 *  - manifest bytes on the wire (gzip) for one changed item among 1,000 and 10,000, before
 *    (format 1, whole) and after (the root and the changed page);
 *  - sync bytes on the wire for 1,000 items, measured at the server (needs `npm run build`);
 *  - fleet: simulated screens beating and sending a day of plays to the fleet server on PGlite
 *    and PostgreSQL (FLEET_SCREENS=5000 for the scale; BENCH=fleet for this alone);
 *  - films: a 300 MB film synced by the kiosk's service worker (time, peak memory) and 1,000
 *    film slides under a fake clock (heap, media elements); BENCH=films for this alone;
 *  - soak: 100,000 slide changes of the built kiosk in Chromium, heap, nodes and listeners
 *    (needs `npm run build`; SOAK_CHANGES=… for a shorter run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileContent } from './lib/compile.ts';
import { loadContent } from './lib/load-content.ts';
import { benchFilms } from './bench/films.ts';
import { benchFleet } from './bench/fleet.ts';
import { benchHugeStrings } from './bench/huge-strings.ts';
import { benchManifest } from './bench/manifest.ts';
import { benchSchedule } from './bench/schedule.ts';
import { benchSoak } from './bench/soak.ts';
import { benchSync } from './bench/sync.ts';
import { generateContent } from './lib/generate-content.ts';

async function time<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
}

if (process.env.BENCH === 'hostile') {
  benchHugeStrings();
  process.exit(0);
}
if (process.env.BENCH === 'films') {
  await benchFilms();
  process.exit(0);
}
if (process.env.BENCH === 'fleet') {
  await benchFleet();
  process.exit(0);
}
const root = mkdtempSync(join(tmpdir(), 'sw-bench-'));
try {
  for (const n of [1_000, 10_000]) generateContent(join(root, `c${n}`), n);
  // The loop first, on a quiet heap (a screen's worker holds no compiler).
  await benchSchedule(join(root, 'c10000'));
  console.log('content: validate and compile (2 cores; goal ≤ 5 s for 10,000 items, linear)');
  const rows: { n: number; validate: number; compile: number }[] = [];
  for (const n of [1_000, 10_000]) {
    const dir = join(root, `c${n}`);
    if (n === 1_000) loadContent(dir); // warm-up: compile the code paths once, so the ratio shows growth, not JIT
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
  benchHugeStrings();
  await benchManifest([1_000, 10_000].map((n) => ({ n, dir: join(root, `c${n}`) })));
  await benchSync(join(root, 'c1000'));
  await benchFleet();
  await benchFilms();
  console.log('soak: slide changes of the built kiosk in Chromium, fake clock (goal: heap growth ≤ 2 MB, flat nodes and listeners)');
  await benchSoak(Number(process.env.SOAK_CHANGES) || undefined);
} finally {
  rmSync(root, { recursive: true, force: true });
}
