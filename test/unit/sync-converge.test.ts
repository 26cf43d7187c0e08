/**
 * Random histories of publishing, faults and syncs (fast-check): after every run the active
 * set is complete and valid and is one that was published; once the faults clear, one run
 * brings the screen to the newest published set.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSet, item, type PublishedSet } from '../fixtures/sync/content-set.ts';
import type { Fault } from '../fixtures/sync/fake-server.ts';
import { expectActiveComplete, resetIndexedDB, screen } from '../fixtures/sync/harness.ts';

const FAULTS: Fault[] = ['network', 'reset', 'truncate', 'corrupt', 'hang', 404, 500];

type Step =
  | { op: 'publish'; set: number }
  | { op: 'fault'; file: number; fault: Fault }
  | { op: 'clear' }
  | { op: 'quota'; on: boolean }
  | { op: 'sync' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('publish' as const), set: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('fault' as const), file: fc.nat(40), fault: fc.constantFrom(...FAULTS) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'clear' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('quota' as const), on: fc.boolean() }) },
  { weight: 4, arbitrary: fc.constant({ op: 'sync' as const }) },
);

async function sets(): Promise<PublishedSet[]> {
  const pic = (n: number) => `<svg xmlns="http://www.w3.org/2000/svg"><title>${n}</title></svg>`;
  return Promise.all([0, 1, 2, 3].map((k) => buildSet({
    items: Object.fromEntries(Array.from({ length: 3 + k }, (_, i) => [`n/${i}`, item(`第${(i + k) % 4}則`, { image: `assets/${i % 2}.svg` })])),
    assets: { 'assets/0.svg': pic(k % 2), 'assets/1.svg': pic(2) },
    lastYear: 2026 + (k % 2),
  })));
}

describe('sync converges', () => {
  it('through random histories of publishing and faults', async () => {
    const published = await sets();
    let runs = 0;
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
      resetIndexedDB();
      const s = await screen();
      const paths = () => ['manifest.json', ...new Set(published.flatMap((p) => [...p.files.keys()]))];
      let last: PublishedSet | undefined;
      const seen = new Set<string>();
      for (const st of steps) {
        if (st.op === 'publish') {
          last = published[st.set]!;
          seen.add(last.manifest.version);
          s.server.publish(last);
        } else if (st.op === 'fault') {
          const all = paths();
          s.server.faults.set(all[st.file % all.length]!, st.fault);
        } else if (st.op === 'clear') {
          s.server.faults.clear();
        } else if (st.op === 'quota') {
          s.storeFaults.quota = st.on;
          s.assets.full = st.on;
        } else {
          runs++;
          await s.sync();
          const active = await expectActiveComplete(s);
          if (active !== undefined) expect(seen.has(active)).toBe(true);
        }
      }
      s.server.faults.clear();
      s.storeFaults.quota = false;
      s.assets.full = false;
      if (!last) return;
      expect(await s.sync()).toMatchObject({ ok: true, activeVersion: last.manifest.version });
      expect(await expectActiveComplete(s)).toBe(last.manifest.version);
    }), { numRuns: 150, seed: 20261001 });
    console.log(`sync random histories: 150, runs checked: ${runs}`);
  });
});
