/**
 * Brings everything a manifest references into the store, downloading only what is missing,
 * a few files at once. Every byte is checked against the manifest's sha256; items are checked
 * against the schema.
 *
 * Reconciliation rule: an item whose bytes match the manifest but that is not a valid item
 * (bad JSON, schema, id) is the publisher's mistake: it is skipped and reported, and the set
 * can still commit without it. Anything else (network, HTTP status, hash mismatch, a missing
 * file, an invalid calendar, storage) blocks the commit; the run fails and is retried later.
 *
 * Films (assets of a video/* type) are streamed, hashed as they arrive and resumable
 * (./fetch-large.ts). Before anything is downloaded, the bytes still needed are checked against
 * the free space (./room.ts): a set that cannot fit is not started.
 */
import type { Manifest } from '../content/manifest.ts';
import type { AssetStore } from './store/asset-cache.ts';
import type { PartStore } from './store/part-cache.ts';
import type { ContentStore } from './store/content-store.ts';
import type { SkippedItem } from './store/db-schema.ts';
import { type FetchBytesOptions, fetchBytes } from './fetch-bytes.ts';
import { downloadLarge, streamSha256 } from './fetch-large.ts';
import { checkRoom, type Estimate } from './room.ts';
import { runPool } from './pool.ts';
import { SyncError } from './sync-error.ts';
import { checkBytes, type Digest, parseCalendar, parseItem } from './verify.ts';

export interface DownloadContext {
  base: URL;
  store: ContentStore;
  assets: AssetStore;
  /** Parts of films being downloaded (resumable). */
  parts: PartStore;
  /** navigator.storage.estimate, or nothing (no room check). */
  estimate?: Estimate;
  subtle: Digest;
  parallel: number;
  request: Omit<FetchBytesOptions, 'signal' | 'headers'>;
}

export interface DownloadResult {
  skipped: SkippedItem[];
  /** Files fetched or re-verified in this run. */
  fetched: number;
}

/**
 * @param trusted absolute asset URLs already verified (those of the active set)
 * @param knownBad item hashes already found invalid (kept skipped without a download)
 * @throws the first SyncError that blocks the commit
 */
export async function downloadSet(
  c: DownloadContext,
  manifest: Manifest,
  trusted: ReadonlySet<string>,
  knownBad: readonly SkippedItem[],
  signal: AbortSignal,
): Promise<DownloadResult> {
  const abs = (url: string) => new URL(url, c.base).href;
  const [items, hasCalendar, cached] = await Promise.all([
    c.store.itemHashes(signal), c.store.hasCalendar(manifest.calendar.hash, signal), c.assets.urls(signal),
  ]);
  const skipped = knownBad.filter((s) => manifest.items.some((e) => e.hash === s.hash));
  const seen = new Set(skipped.map((s) => s.hash));
  let fetched = 0;
  /** Downloads and verifies; a mismatch also evicts the URL from the content cache, in case the
   * service worker cached bad bytes there, so that the retry reaches the network. */
  const get = async (e: { url: string; hash: string; bytes: number }) => {
    const url = abs(e.url);
    const r = await fetchBytes(url, { ...c.request, signal });
    try {
      await checkBytes(c.subtle, r.bytes, e);
    } catch (err) {
      await c.assets.delete(url, signal).catch(() => undefined);
      throw err;
    }
    fetched++;
    return r.bytes;
  };

  const tasks: (() => Promise<void>)[] = [];
  /** Bytes this run may write (a film twice: its parts, then its copy). */
  let needed = 0;
  for (const e of manifest.items) {
    if (items.has(e.hash) || seen.has(e.hash)) continue;
    needed += e.bytes;
    seen.add(e.hash); // the same bytes listed twice are fetched once
    tasks.push(async () => {
      const r = parseItem(await get(e), e);
      if ('problem' in r) skipped.push({ id: e.id, hash: e.hash, detail: r.problem });
      else await c.store.putItem({ hash: e.hash, item: r.item }, signal);
    });
  }
  if (!hasCalendar) {
    const e = manifest.calendar;
    needed += e.bytes;
    tasks.push(async () => c.store.putCalendar({ hash: e.hash, tables: parseCalendar(await get(e)) }, signal));
  }
  for (const e of new Map(manifest.assets.map((a) => [a.url, a])).values()) {
    const url = abs(e.url);
    if (trusted.has(url) && cached.has(url)) continue;
    const film = isFilm(e.type);
    if (!cached.has(url)) needed += film ? 2 * e.bytes : e.bytes;
    tasks.push(async () => {
      if (cached.has(url)) {
        // Present but not verified by us (e.g. cached by the service worker): check it locally.
        if (film) {
          const body = await c.assets.body(url, signal);
          const local = body && (await streamSha256(body).catch(() => undefined));
          if (local && local.hash === e.hash && local.bytes === e.bytes) return;
        } else {
          const local = await c.assets.get(url, signal);
          if (local && (await checkBytes(c.subtle, local, e).then(() => true, () => false))) return;
        }
      }
      if (!film) return c.assets.put(url, await get(e), e.type, signal);
      try {
        await downloadLarge(url, e, { ...c.request, signal, parts: c.parts, assets: c.assets });
        fetched++;
      } catch (err) {
        await c.assets.delete(url, signal).catch(() => undefined);
        throw err;
      }
    });
  }
  await checkRoom(needed, c.estimate, signal);
  const errors = await runPool(tasks, c.parallel, (t) => t(), signal);
  if (signal.aborted) throw new SyncError('aborted');
  const first = blockingError(errors);
  if (first) throw first;
  return { skipped, fetched };
}

/** Films are streamed and resumable; everything else is fetched whole. */
export function isFilm(type: string): boolean {
  return type.startsWith('video/');
}

/** The error that decides what happens next: a full disk outranks the rest (it sets the long
 * quota pause instead of a quick retry); otherwise the first that finished. */
export function blockingError(errors: readonly unknown[]): unknown {
  return errors.find((e) => e instanceof SyncError && e.code === 'quota') ?? errors[0];
}
