/**
 * The observable sync status, for the corner mark and the preview.
 * @example const stop = status.subscribe((s) => mark.state = s.state);
 */
import type { SkippedItem, SyncErrorCode } from '../sync/worker-protocol.ts';

export interface SyncStatus {
  /** 'offline': the last run could not reach the server; 'error': it reached it but failed. */
  state: 'idle' | 'syncing' | 'offline' | 'error';
  activeVersion?: string;
  /** Last time the screen knew it had the newest content (ms). */
  lastSync?: number;
  lastAttempt?: number;
  lastError?: { code: SyncErrorCode; detail: string };
  /** When the next run is planned (ms). */
  nextAttempt?: number;
  /** Failed runs in a row. */
  failures: number;
  /** Items of the active set left out as invalid. */
  skipped: readonly SkippedItem[];
}

export interface StatusStore {
  get(): SyncStatus;
  /** Calls the listener now and on every change; returns the unsubscribe function. */
  subscribe(listener: (s: SyncStatus) => void): () => void;
}

export interface WritableStatus extends StatusStore {
  set(patch: Partial<SyncStatus>): void;
}

export function createStatus(initial: Partial<SyncStatus> = {}): WritableStatus {
  let current: SyncStatus = { state: 'idle', failures: 0, skipped: [], ...initial };
  const listeners = new Set<(s: SyncStatus) => void>();
  return {
    get: () => current,
    set(patch) {
      current = { ...current, ...patch };
      listeners.forEach((l) => l(current));
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
  };
}
