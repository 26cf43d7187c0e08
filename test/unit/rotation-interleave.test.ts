import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../src/content/keys.ts';
import { interleave, type RotationEntry } from '../../src/schedule/interleave.ts';

/** Fixed seed: the tests never depend on the clock (fast-check's default seed is Date.now()). */
const RUNS = { seed: 20261018, numRuns: 500 };

/** Up to 40 entries with unique ids, random kinds, some of them `twice`. */
const entries = (max = 40) => fc.uniqueArray(
  fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), kind: fc.constantFrom(...KINDS), twice: fc.constantFrom(false, false, false, true) }),
  { selector: (e) => e.id, maxLength: max },
);

/** Neighbour pairs around the circle (the loop repeats) that satisfy `same`. */
function clashes<T>(seq: readonly T[], same: (a: T, b: T) => boolean): number {
  if (seq.length < 2) return 0;
  return seq.filter((e, i) => same(e, seq[(i + 1) % seq.length]!)).length;
}

const byKind = (list: readonly RotationEntry[]) => {
  const m = new Map<string, number>();
  for (const e of list) m.set(e.kind, (m.get(e.kind) ?? 0) + 1);
  return m;
};

describe('interleave (properties)', () => {
  it('plays every entry, `twice` entries twice (when the loop then has 4 slides or more)', () => {
    fc.assert(fc.property(entries(), (list) => {
      const out = interleave(list);
      const highs = list.filter((e) => e.twice).length;
      const doubled = list.length + highs >= 4;
      for (const e of list) {
        const n = out.filter((x) => x.id === e.id).length;
        expect(n).toBe(e.twice && doubled ? 2 : 1);
      }
      expect(out.length).toBe(list.length + (doubled ? highs : 0));
    }), RUNS);
  });

  it('is deterministic and ignores the input order', () => {
    fc.assert(fc.property(entries(), fc.integer(), (list, seed) => {
      const shuffled = [...list].sort((a, b) => ((a.id.charCodeAt(0) * seed) % 7) - ((b.id.charCodeAt(0) * seed) % 7));
      expect(interleave(shuffled).map((e) => e.id)).toEqual(interleave(list).map((e) => e.id));
    }), RUNS);
  });

  it('never puts a `twice` entry next to itself when the loop has 4 or more slides', () => {
    fc.assert(fc.property(entries(), (list) => {
      const out = interleave(list);
      fc.pre(out.length >= 4);
      expect(clashes(out, (a, b) => a.id === b.id)).toBe(0);
    }), RUNS);
  });

  it('two of a kind never follow each other when no kind has more than half the loop', () => {
    fc.assert(fc.property(entries(), (list) => {
      const out = interleave(list);
      const most = Math.max(0, ...byKind(out).values());
      fc.pre(out.length >= 2 && most * 2 <= out.length);
      expect(clashes(out, (a, b) => a.kind === b.kind)).toBe(0);
    }), RUNS);
  });

  it('a dominant kind meets itself no more than it must', () => {
    fc.assert(fc.property(entries(), (list) => {
      const out = interleave(list);
      const most = Math.max(0, ...byKind(out).values());
      fc.pre(out.length >= 2 && most * 2 > out.length && most < out.length);
      // `most` slides of one kind in a circle with `others` gaps: at least most − others pairs.
      const others = out.length - most;
      expect(clashes(out, (a, b) => a.kind === b.kind)).toBeLessThanOrEqual(most - others + 1);
    }), RUNS);
  });

  it('spreads the two copies of a `twice` entry about half a loop apart', () => {
    // A statistical property over a fixed sample: nearly all pairs sit at least a quarter loop
    // apart when no kind fills more than half the loop, and on average near half a loop.
    const sample = fc.sample(entries(60), { numRuns: 3000, seed: 2026 });
    let pairs = 0;
    let near = 0;
    let sum = 0;
    for (const list of sample) {
      const out = interleave(list);
      const most = Math.max(0, ...byKind(out).values());
      if (out.length < 8 || most * 2 > out.length) continue;
      for (const e of list.filter((x) => x.twice)) {
        const [i, j] = out.flatMap((x, k) => (x.id === e.id ? [k] : []));
        const gap = Math.min(j! - i!, out.length - (j! - i!));
        pairs++;
        sum += gap / (out.length / 2);
        if (gap < Math.floor(out.length / 4)) near++;
      }
    }
    expect(pairs).toBeGreaterThan(1000);
    expect(near / pairs).toBeLessThan(0.005);
    expect(sum / pairs).toBeGreaterThan(0.8);
  });
});
