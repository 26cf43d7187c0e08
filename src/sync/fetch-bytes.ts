/**
 * One GET with a timeout that covers the headers and the whole body, through the injected
 * fetch and timers. Failures come out as SyncError: 'network', 'http' (any status but 2xx and
 * 304), 'timeout', 'aborted'.
 */
import { SyncError } from './sync-error.ts';
import type { Timers } from './timers.ts';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface Fetched {
  status: number;
  etag: string | null;
  /** Empty for a 304. */
  bytes: Uint8Array<ArrayBuffer>;
}

export interface FetchBytesOptions {
  fetch: FetchLike;
  timers: Timers;
  timeoutMs: number;
  signal: AbortSignal;
  headers?: Record<string, string>;
}

export async function fetchBytes(url: string, o: FetchBytesOptions): Promise<Fetched> {
  o.signal.throwIfAborted();
  const ctl = new AbortController();
  let timedOut = false;
  const onAbort = () => ctl.abort(o.signal.reason);
  o.signal.addEventListener('abort', onAbort, { once: true });
  const cancel = o.timers.after(o.timeoutMs, () => {
    timedOut = true;
    ctl.abort(new SyncError('timeout', url));
  });
  try {
    // no-store: the engine keeps what it verified itself; the HTTP cache would only hold copies
    // (and a truncated copy there would come back on every retry).
    const res = await o.fetch(url, { headers: o.headers, signal: ctl.signal, cache: 'no-store' });
    if (res.status === 304) return { status: 304, etag: res.headers.get('ETag'), bytes: new Uint8Array(0) };
    if (!res.ok) throw new SyncError('http', `${res.status} ${url}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (timedOut) throw new SyncError('timeout', url);
    return { status: res.status, etag: res.headers.get('ETag'), bytes };
  } catch (e) {
    if (timedOut) throw new SyncError('timeout', url, { cause: e });
    if (o.signal.aborted) throw new SyncError('aborted', url, { cause: e });
    if (e instanceof SyncError) throw e;
    throw new SyncError('network', url, { cause: e });
  } finally {
    cancel();
    o.signal.removeEventListener('abort', onAbort);
  }
}
