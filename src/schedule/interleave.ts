/**
 * The order of a loop: kinds interleave so that two of a kind rarely follow each other, and
 * entries marked `twice` (priority "high") come round twice per loop, half a loop apart.
 *
 * Algorithm (deterministic; ties broken by id and kind name, never by input order):
 * 1. Kind queues. Each kind's entries in id order; the two copies of a `twice` entry sit half
 *    the queue apart.
 * 2. Fair merge (a weighted round-robin by virtual time). Kinds are ranked by queue length
 *    (then name); the j-th entry of kind k (rank r of K, n_k entries) is due at
 *    (j + (r + ½)/K) / n_k. All entries are merged by due time, so each kind is spread evenly
 *    around the loop in proportion to its size, and kinds of equal size alternate.
 * 3. Repair. One pass over the loop, read as a circle: where a pair clashes (same kind = 1,
 *    same delegated feed = 1 more, same item = 10), an entry from up to 64 places further on is moved between the two if that
 *    lowers the total clash of the pairs it touches (entries that come once are tried first).
 *    A kind with more than half the loop cannot avoid meeting itself; the merge then spreads
 *    its runs evenly.
 */

/** What interleave needs to know about a loop entry. */
import { feedOfId } from '../content/scope.ts';

export interface RotationEntry {
  id: string;
  kind: string;
  /** Comes round twice per loop (priority "high"). */
  twice?: boolean;
}

const WINDOW = 64;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Clash weight of two neighbours: 10 for the same item, 1 for the same kind, and 1 more when
 * both come from the same delegated feed ("<feed>:<id>"; the root's items have none).
 */
export function clash(a: RotationEntry, b: RotationEntry): number {
  if (a.id === b.id) return 10;
  const fa = feedOfId(a.id);
  return (a.kind === b.kind ? 1 : 0) + (fa !== undefined && fa === feedOfId(b.id) ? 1 : 0);
}

/**
 * The loop order of `entries`: each entry for which `twice` holds (default: its `twice` flag)
 * appears twice, unless the loop would then have fewer than 4 slides (the copies would touch).
 * @example interleave([{id:'a',kind:'health'},{id:'b',kind:'health'},{id:'c',kind:'safety'}]).map(e => e.id) // ['a','c','b']
 */
export function interleave<T extends RotationEntry>(entries: readonly T[], twice: (e: T) => boolean = isTwice): T[] {
  const sorted = [...entries].sort(byId);
  // Two copies need a loop of at least 4 slides to stand apart; in a smaller one, play once.
  let doubled = 0;
  for (const e of sorted) if (twice(e)) doubled++;
  if (sorted.length + doubled < 4) twice = never;
  if (sorted.length <= 1) return sorted;
  const byKind = new Map<string, T[]>();
  for (const e of sorted) {
    const list = byKind.get(e.kind);
    if (list) list.push(e);
    else byKind.set(e.kind, [e]);
  }
  const queues: { kind: string; slots: T[] }[] = [];
  for (const [kind, list] of byKind) queues.push({ kind, slots: kindQueue(list, twice) });
  queues.sort((a, b) => b.slots.length - a.slots.length || cmp(a.kind, b.kind));
  let total = 0;
  for (const q of queues) total += q.slots.length;
  const seq: T[] = new Array<T>(total);
  const due = new Float64Array(total);
  const rank = new Int32Array(total);
  let k = 0;
  for (let r = 0; r < queues.length; r++) {
    const slots = queues[r]!.slots;
    const offset = (r + 0.5) / queues.length;
    for (let j = 0; j < slots.length; j++, k++) {
      seq[k] = slots[j]!;
      due[k] = (j + offset) / slots.length;
      rank[k] = r;
    }
  }
  const order = Array.from({ length: total }, (_, i) => i).sort((a, b) => due[a]! - due[b]! || rank[a]! - rank[b]!);
  const merged = order.map((i) => seq[i]!);
  repair(merged, twice);
  return merged;
}

function never(): boolean {
  return false;
}

function isTwice(e: RotationEntry): boolean {
  return e.twice === true;
}

function byId(a: RotationEntry, b: RotationEntry): number {
  return cmp(a.id, b.id);
}

/**
 * Step 1: one kind's queue of m = n + h slots (h `twice` entries). The two copies of each
 * `twice` entry take slots s and s + ⌊m/2⌋ (the first such free pair); the other entries fill
 * the free slots in id order.
 */
function kindQueue<T extends RotationEntry>(list: readonly T[], twice: (e: T) => boolean): T[] {
  const copies = list.filter(twice);
  if (copies.length === 0) return [...list];
  const m = list.length + copies.length;
  const half = Math.floor(m / 2);
  const slots: (T | undefined)[] = new Array<T | undefined>(m).fill(undefined);
  for (const e of copies) {
    let s = 0;
    while (s < m && (slots[s] !== undefined || slots[(s + half) % m] !== undefined)) s++;
    if (s === m) s = slots.indexOf(undefined); // cannot happen (h ≤ ⌊m/2⌋); kept total
    slots[s] = e;
    const t = slots[(s + half) % m] === undefined ? (s + half) % m : slots.indexOf(undefined);
    slots[t] = e;
  }
  let next = 0;
  for (const e of list) {
    if (twice(e)) continue;
    while (slots[next] !== undefined) next++;
    slots[next] = e;
  }
  return slots.filter((e): e is T => e !== undefined);
}

/**
 * Step 3: one pass of local moves that lower the clash between neighbours (circular). An entry
 * that comes once is moved in preference; failing that, the `twice` entry that then stays
 * farthest from its other copy.
 */
function repair<T extends RotationEntry>(seq: T[], twice: (e: T) => boolean): void {
  const n = seq.length;
  if (n < 3) return;
  const at = (k: number) => seq[((k % n) + n) % n]!;
  for (let i = 0; i < n; i++) {
    const a = at(i);
    const b = at(i + 1);
    const here = clash(a, b);
    if (here === 0) continue;
    let best = -1;
    let bestGap = -1;
    for (let step = 2; step < Math.min(n - 1, WINDOW + 2); step++) {
      const j = i + step;
      const c = at(j);
      const prev = at(j - 1);
      const next = at(j + 1);
      if (clash(a, c) + clash(c, b) + clash(prev, next) >= here + clash(prev, c) + clash(c, next)) continue;
      if (!twice(c)) {
        best = j;
        break;
      }
      const gap = twinGap(seq, j % n, i + 1);
      if (gap > bestGap) {
        best = j;
        bestGap = gap;
      }
    }
    if (best >= 0) moveAfter(seq, best % n, i);
  }
}

/**
 * How far (circular) seq[from]'s other copy would be if seq[from] moved to position `to`.
 * Loops longer than 256 are not searched: a move of at most 64 places leaves two copies half
 * a loop apart far enough anyway.
 */
function twinGap<T extends RotationEntry>(seq: readonly T[], from: number, to: number): number {
  const n = seq.length;
  if (n > 256) return n;
  const id = seq[from]!.id;
  for (let k = 0; k < n; k++) {
    if (k === from || seq[k]!.id !== id) continue;
    const d = Math.abs(k - (to % n));
    return Math.min(d, n - d);
  }
  return n;
}

/** Moves seq[from] so that it follows seq[to] (indices in the current array, circular). */
function moveAfter<T>(seq: T[], from: number, to: number): void {
  const [c] = seq.splice(from, 1);
  const target = from < to ? to : to + 1;
  seq.splice(target, 0, c!);
}
