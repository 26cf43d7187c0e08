/**
 * What this browser's kiosk worker remembers of its sync runs (content version, last sync, last
 * error), for a page that only looks: the staff preview on the screen box itself. Asked through
 * the one line to the worker (./worker-link.ts); the page never opens the worker's store.
 *
 * Without a registered, active worker (the dev server, a browser that never ran the kiosk, plain
 * http) it resolves undefined at once instead of waiting for one; a worker that does not answer
 * within a few seconds counts as none.
 *
 * @example const state = await readWorkerState(signal); // undefined: no kiosk data here
 */
import type { StateReply } from '../sync/worker-protocol.ts';
import { askWorker } from './worker-link.ts';

export type WorkerState = StateReply;

/** Long enough for a stopped worker to start and read its store; short enough for a page to wait on. */
export const STATE_DEADLINE_MS = 5_000;

/**
 * The worker's sync state, or undefined where there is no worker, it has never run, it failed
 * or it did not answer in `deadlineMs`. Rejects only when `signal` aborts.
 */
export async function readWorkerState(signal?: AbortSignal, deadlineMs = STATE_DEADLINE_MS): Promise<WorkerState | undefined> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    if (!registration?.active) return undefined;
    signal?.throwIfAborted();
    const deadline = AbortSignal.timeout(deadlineMs);
    const state = (await askWorker({ type: 'state' }, signal ? AbortSignal.any([signal, deadline]) : deadline)) as WorkerState;
    return state.activeVersion || state.lastAttempt ? state : undefined;
  } catch (e) {
    if (signal?.aborted) throw e;
    return undefined;
  }
}
