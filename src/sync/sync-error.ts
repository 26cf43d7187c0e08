/**
 * Errors of the sync engine: a stable code for programs and tests, a detail for people (a URL,
 * an item id). The words shown in the preview live in one map on the page's side,
 * src/bridge/sync-messages.ts.
 * @example throw new SyncError('hash-mismatch', 'content/items/3f….json');
 */
export const SYNC_ERROR_CODES = [
  'network', 'http', 'timeout', 'aborted', 'hash-mismatch', 'invalid-item', 'invalid-calendar',
  'invalid-manifest', 'unsigned', 'bad-signature', 'replayed', 'quota', 'storage', 'no-room',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export class SyncError extends Error {
  override readonly name = 'SyncError';
  constructor(
    readonly code: SyncErrorCode,
    readonly detail = '',
    options?: { cause?: unknown },
  ) {
    super(detail ? `${code}: ${detail}` : code, options);
  }
}

/** True for the storage quota error of IndexedDB and Cache Storage (a DOMException). */
export function isQuotaError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'name' in e && e.name === 'QuotaExceededError';
}

/** Any failure as a SyncError: quota errors keep their meaning, the rest is 'storage' unless coded. */
export function toSyncError(e: unknown, signal?: AbortSignal): SyncError {
  if (e instanceof SyncError) return e;
  if (signal?.aborted) return new SyncError('aborted', '', { cause: e });
  const message = e instanceof Error ? e.message : String(e);
  return new SyncError(isQuotaError(e) ? 'quota' : 'storage', message, { cause: e });
}

/** Errors that say the network or the device is unwell: stop starting new downloads. */
export function isSystemic(e: SyncError): boolean {
  return e.code === 'network' || e.code === 'timeout' || e.code === 'aborted' || e.code === 'quota' ||
    e.code === 'storage';
}
