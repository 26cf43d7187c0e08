import { distance } from 'fastest-levenshtein';

/**
 * The candidate an editor most likely meant, for "did you mean" hints, or undefined when
 * nothing is close: `closest('titel', ['title', 'kind'])` → 'title'.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const limit = w.length <= 3 ? 1 : w.length <= 6 ? 2 : 3;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    // The distance is at least the difference in length: a 10 MB word is near nothing, at once.
    if (Math.abs(c.length - w.length) > limit) continue;
    const d = distance(w, c.toLowerCase());
    if (d < bestD && d <= limit && d < c.length) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
