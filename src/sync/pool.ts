/**
 * Runs tasks with at most `limit` at once. A task's SyncError is collected, not thrown; after a
 * systemic one (network down, quota, abort) no new task starts. Returns the errors.
 */
import { isSystemic, SyncError, toSyncError } from './sync-error.ts';

export async function runPool<T>(
  list: readonly T[],
  limit: number,
  task: (x: T) => Promise<void>,
  signal: AbortSignal,
): Promise<SyncError[]> {
  const errors: SyncError[] = [];
  let next = 0;
  const worker = async () => {
    while (next < list.length && !errors.some(isSystemic) && !signal.aborted) {
      const x = list[next++] as T;
      try {
        await task(x);
      } catch (e) {
        errors.push(toSyncError(e, signal));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, worker));
  if (signal.aborted && !errors.some((e) => e.code === 'aborted')) errors.push(new SyncError('aborted'));
  return errors;
}
