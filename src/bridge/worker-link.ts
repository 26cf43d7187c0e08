/**
 * The page's line to the service worker that owns the content: requests answered on a
 * MessagePort (workbox-window's messageSW), and the worker's broadcasts.
 *
 * A worker can die mid-request (Chromium stops one whose event runs over 5 minutes), and then
 * never answers: every request has a deadline, after which it fails as a 'timeout' and the
 * scheduler backs off and asks again. Downloads a stopped run finished are kept, so the next
 * run goes on from there.
 */
import { messageSW } from 'workbox-window';
import { SyncError } from '../sync/sync-error.ts';
import type { WorkerFailure, WorkerRequest } from '../sync/worker-protocol.ts';

/** Longer than Chromium's 5-minute limit for one worker event: a living run always answers first. */
const SYNC_DEADLINE_MS = 330_000;
const READ_DEADLINE_MS = 30_000;

export function askWorker(request: WorkerRequest, signal?: AbortSignal): Promise<unknown> {
  const ms = request.type === 'sync' ? SYNC_DEADLINE_MS : READ_DEADLINE_MS;
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', aborted);
    };
    const fail = (e: SyncError) => {
      done();
      reject(e);
    };
    const aborted = () => fail(new SyncError('aborted'));
    const timer = setTimeout(() => fail(new SyncError('timeout', `service worker: no answer to "${request.type}" in ${ms / 1000} s`)), ms);
    signal?.addEventListener('abort', aborted, { once: true });
    void navigator.serviceWorker.ready
      .then((reg) => {
        if (!reg.active) throw new Error('no active service worker');
        return messageSW(reg.active, request);
      })
      .then((answer) => {
        const failed = (answer as Partial<WorkerFailure> | null)?.failed;
        if (failed !== undefined) throw new Error(failed);
        done();
        resolve(answer);
      })
      .catch((e: unknown) => fail(new SyncError('storage', String(e))));
  });
}

/** Calls `listener` for each broadcast of `type` from the worker. */
export function onWorkerMessage(type: string, listener: () => void): void {
  navigator.serviceWorker.addEventListener('message', (e) => {
    if ((e.data as { type?: unknown } | null)?.type === type) listener();
  });
}
