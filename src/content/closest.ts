/**
 * The candidate an editor most likely meant, for "did you mean" hints, or undefined when
 * nothing is close: `closest('titel', ['title', 'kind'])` → 'title'.
 *
 * Distance counts a swap of two neighbours as one slip ("zh-Hasn" is one from "zh-Hans", two
 * from "zh-Hant"). Words longer than MAX_WORD get no hint: nobody misspells a 10 MB key, and
 * comparing two of them would take hours.
 */
const MAX_WORD = 64;

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function slips(a: string, b: string): number {
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > MAX_WORD) return undefined;
  const w = word.toLowerCase();
  const limit = w.length <= 3 ? 1 : w.length <= 6 ? 2 : 3;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    // The distance is at least the difference in length.
    if (Math.abs(c.length - w.length) > limit) continue;
    const d = slips(w, c.toLowerCase());
    if (d < bestD && d <= limit && d < c.length) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
