/**
 * A large file (a film) downloaded as a stream: never whole in memory, hashed as it arrives
 * (sha256 by hash-wasm: WebCrypto cannot hash a stream), saved in parts (./store/part-cache.ts)
 * so that a broken download goes on with a Range request from the last part, with the hash
 * state saved beside it. Only when every byte is there and the sha256 is the manifest's is the
 * film put in the content cache (from its parts); a mismatch drops the parts (the next run
 * starts again). The timeout is a stall timeout: no byte for `timeoutMs` (a 300 MB film on a
 * slow link takes longer than any whole-body deadline).
 *
 * Errors, as fetchBytes': 'network', 'http', 'timeout', 'aborted', and 'hash-mismatch' (wrong
 * length or sha256, a Range answer that does not start where asked).
 */
import { createSHA256, type IHasher } from 'hash-wasm';
import type { AssetStore } from './store/asset-cache.ts';
import type { PartStore } from './store/part-cache.ts';
import type { FetchLike } from './fetch-bytes.ts';
import { SyncError, toSyncError } from './sync-error.ts';
import type { Timers } from './timers.ts';

export interface LargeOptions {
  fetch: FetchLike;
  timers: Timers;
  /** Longest wait for the headers or for the next bytes. */
  timeoutMs: number;
  signal: AbortSignal;
  parts: PartStore;
  assets: AssetStore;
  /** Bytes per saved part (default 8 MiB): the most a broken download loses, and the memory it holds. */
  partBytes?: number;
}

export interface LargeEntry {
  url: string;
  hash: string;
  bytes: number;
  type: string;
}

/** Where the download began: 0, or the offset it resumed from. */
export interface LargeResult {
  resumedFrom: number;
}

const PART_BYTES = 8 * 1024 * 1024;

/** sha256 of a stream, with a fresh hasher (for a film cached but not yet verified by us). */
export async function streamSha256(body: ReadableStream<Uint8Array>): Promise<{ hash: string; bytes: number }> {
  const h = await createSHA256();
  let bytes = 0;
  for (const reader = body.getReader(); ;) {
    const { done, value } = await reader.read();
    if (done) break;
    h.update(value);
    bytes += value.byteLength;
  }
  return { hash: h.digest('hex'), bytes };
}

function concat(chunks: Uint8Array[], length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The start of a 206's Content-Range ("bytes 100-199/200" → 100), or NaN. */
export function rangeStart(header: string | null): number {
  const m = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header?.trim() ?? '');
  return m ? Number(m[1]) : NaN;
}

export async function downloadLarge(absUrl: string, e: LargeEntry, o: LargeOptions): Promise<LargeResult> {
  const { signal, parts } = o;
  signal.throwIfAborted();
  const partBytes = o.partBytes ?? PART_BYTES;
  const hasher: IHasher = await createSHA256();
  let offset = 0;
  let index = 0;
  /** Bytes received (and hashed) but not yet saved as a part. */
  let chunks: Uint8Array[] = [];
  let pending = 0;
  const restart = async () => {
    await parts.clear(absUrl);
    hasher.init();
    [offset, index, chunks, pending] = [0, 0, [], 0];
  };
  const held = await parts.resume(absUrl, signal);
  if (held && held.offset <= e.bytes) {
    hasher.load(held.state);
    [offset, index] = [held.offset, held.parts];
  } else await restart();
  const resumedFrom = offset;

  if (offset < e.bytes) await receive();
  if (offset !== e.bytes || hasher.digest('hex') !== e.hash) {
    await parts.clear(absUrl);
    throw new SyncError('hash-mismatch', `${e.url} (${offset} of ${e.bytes} bytes)`);
  }
  const whole = await parts.whole(absUrl);
  if (whole.size !== e.bytes) {
    await parts.clear(absUrl);
    throw new SyncError('storage', `${e.url}: the parts hold ${whole.size} of ${e.bytes} bytes`);
  }
  await o.assets.putBlob(absUrl, whole, e.type, signal);
  await parts.clear(absUrl);
  return { resumedFrom };

  async function receive(): Promise<void> {
    const ctl = new AbortController();
    let timedOut = false;
    let cancel = () => {};
    const arm = () => {
      cancel();
      cancel = o.timers.after(o.timeoutMs, () => {
        timedOut = true;
        ctl.abort(new SyncError('timeout', e.url));
      });
    };
    const onAbort = () => ctl.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const flush = async () => {
      if (pending === 0) return;
      const bytes = concat(chunks, pending);
      [chunks, pending] = [[], 0];
      // A full disk is 'quota' (the long pause), not the network's fault.
      await parts.add(absUrl, index, offset - bytes.byteLength, bytes, hasher.save()).catch((x: unknown) => {
        throw toSyncError(x);
      });
      index++;
    };
    try {
      arm();
      const headers: Record<string, string> = offset > 0 ? { Range: `bytes=${offset}-` } : {};
      const res = await o.fetch(absUrl, { headers, signal: ctl.signal, cache: 'no-store' });
      if (offset > 0 && res.status === 200) await restart(); // the server ignored Range: from the start
      else if (offset > 0 && res.status === 206 && rangeStart(res.headers.get('Content-Range')) !== offset) {
        await restart();
        throw new SyncError('hash-mismatch', `${e.url}: Range answered from ${res.headers.get('Content-Range')}`);
      } else if (res.status === 416) {
        await restart();
        throw new SyncError('hash-mismatch', `${e.url}: shorter on the server than the parts held`);
      }
      if (!res.ok || !res.body) throw new SyncError('http', `${res.status} ${e.url}`);
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        arm();
        if (offset + value.byteLength > e.bytes) {
          await reader.cancel();
          await restart();
          throw new SyncError('hash-mismatch', `${e.url}: longer than ${e.bytes} bytes`);
        }
        hasher.update(value);
        chunks.push(value);
        pending += value.byteLength;
        offset += value.byteLength;
        if (pending >= partBytes) await flush();
      }
      await flush();
    } catch (err) {
      // What arrived before the break is good bytes of the film: keep it for the next run.
      await flush().catch(() => undefined);
      if (err instanceof SyncError) throw err;
      if (timedOut) throw new SyncError('timeout', e.url, { cause: err });
      if (signal.aborted) throw new SyncError('aborted', e.url, { cause: err });
      throw new SyncError('network', e.url, { cause: err });
    } finally {
      cancel();
      signal.removeEventListener('abort', onAbort);
    }
  }
}
