/**
 * Room for a set before it is downloaded: the bytes it still needs against the free space that
 * `navigator.storage.estimate()` reports (quota − usage), passed in so tests can fake it. A set
 * that cannot fit is not started ('no-room': the detail says how much it needs and how much is
 * free); the active set plays on. A film needs twice its size for a moment (its parts, then its
 * copy in the content cache). An estimate that fails or says nothing lets the set go ahead:
 * the quota error, if any, comes from the writes.
 */
import { SyncError } from './sync-error.ts';

export type Estimate = () => Promise<{ quota?: number; usage?: number }>;

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/** Throws 'no-room' when `needed` bytes do not fit in what the estimate says is free. */
export async function checkRoom(needed: number, estimate: Estimate | undefined, signal?: AbortSignal): Promise<void> {
  if (!estimate || needed <= 0) return;
  let e: { quota?: number; usage?: number };
  try {
    e = await estimate();
  } catch {
    return;
  }
  signal?.throwIfAborted();
  if (typeof e.quota !== 'number' || typeof e.usage !== 'number') return;
  const free = e.quota - e.usage;
  if (needed > free) throw new SyncError('no-room', `needs ${mb(needed)} MB, ${mb(Math.max(0, free))} MB free`);
}
