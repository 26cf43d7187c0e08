/**
 * The sync engine: one run brings the screen to the published content set, or leaves the
 * active set exactly as it was. Network, storage, asset cache, crypto and clock are parameters.
 *
 *   1. GET manifest.json with If-None-Match (the active set's ETag). 304: nothing else moves
 *      (unless the active set lost a file, which is then fetched again).
 *   2. Verify its signature (if the app has public keys) and its schema; it must be no older
 *      (by `generated`) than the active one.
 *   3. Read the pages it names (./load-pages.ts: only those the content cache lacks are
 *      downloaded), verifying each against the root's sha256, into the expanded manifest.
 *   4. Download what is missing (./download-set.ts), verifying every byte.
 *   5. Commit: switch the active (expanded) manifest in one IndexedDB transaction.
 *   6. Tell the display (onCommit), then collect what neither the active nor the previous set uses.
 *
 * A run never throws: it returns a SyncResult, and records the outcome in the store.
 */
import type { AssetStore } from './store/asset-cache.ts';
import type { PartStore } from './store/part-cache.ts';
import type { Estimate } from './room.ts';
import type { ContentStore } from './store/content-store.ts';
import type { LogEntry, SkippedItem } from './store/db-schema.ts';
import { type DownloadContext, downloadSet } from './download-set.ts';
import { type FetchLike, fetchBytes } from './fetch-bytes.ts';
import { loadPages } from './load-pages.ts';
import { readManifest } from './read-manifest.ts';
import type { SignatureCrypto } from './signature.ts';
import { SyncError, toSyncError } from './sync-error.ts';
import type { Timers } from './timers.ts';

export interface SyncEngineDeps {
  /** The content folder, e.g. new URL('content/', document.baseURI). */
  base: URL;
  fetch: FetchLike;
  store: ContentStore;
  assets: AssetStore;
  /** Parts of films being downloaded (./store/part-cache.ts). */
  parts: PartStore;
  /** Free space before a set is downloaded: navigator.storage.estimate (none: no check). */
  estimate?: Estimate;
  crypto: SignatureCrypto;
  timers: Timers;
  /** Ed25519 public JWKs; when given, only manifests signed by one of them are accepted. */
  publicKeys?: readonly JsonWebKey[];
  /** Per request, headers and whole body (default 60 s: a large poster on a slow link). */
  timeoutMs?: number;
  /** Downloads at once (default 4). */
  parallel?: number;
  /** Called after each commit (and after a repair of the active set), before collection. */
  onCommit?: (version: string, signal: AbortSignal) => Promise<void> | void;
}

export type SyncResult =
  | {
    ok: true; changed: boolean; activeVersion: string | undefined; skipped: SkippedItem[]; at: number;
    /** settings.syncInterval of the active set (s): the page plans its next run by it from the first run on. */
    syncInterval: number | undefined;
  }
  | { ok: false; error: SyncError; activeVersion: string | undefined; at: number };

export interface SyncEngine {
  /** One run; resolves (never rejects) with what happened. */
  sync(signal: AbortSignal): Promise<SyncResult>;
}

export function createSyncEngine(d: SyncEngineDeps): SyncEngine {
  const request = { fetch: d.fetch, timers: d.timers, timeoutMs: d.timeoutMs ?? 60_000 };
  const ctx: DownloadContext = {
    base: d.base, store: d.store, assets: d.assets, parts: d.parts, estimate: d.estimate, subtle: d.crypto,
    parallel: d.parallel ?? 4, request,
  };
  const manifestUrl = new URL('manifest.json', d.base).href;

  /** Deletes cached assets that neither kept set uses. Failures are logged, never fatal. */
  async function collect(at: number, signal: AbortSignal): Promise<void> {
    try {
      const live = new Set([...(await d.store.collect(signal))].map((u) => new URL(u, d.base).href));
      for (const url of await d.assets.urls(signal)) {
        if (url.startsWith(d.base.href) && !live.has(url)) await d.assets.delete(url, signal);
      }
      // Only this engine's: the root and each feed share the parts cache, and another's
      // half-downloaded film is not garbage (it resumes at that engine's next run).
      for (const url of await d.parts.urls()) if (url.startsWith(d.base.href) && !live.has(url)) await d.parts.clear(url);
    } catch (e) {
      await d.store.log({ at, event: 'gc', code: toSyncError(e, signal).code, detail: String(e) }).catch(() => undefined);
    }
  }

  async function run(at: number, signal: AbortSignal): Promise<Omit<Extract<SyncResult, { ok: true }>, 'at' | 'ok'>> {
    const state = await d.store.state(signal);
    const current = state.activeVersion ? await d.store.manifest(state.activeVersion, signal) : undefined;
    const headers: Record<string, string> = current && state.etag ? { 'If-None-Match': state.etag } : {};
    const res = await fetchBytes(manifestUrl, { ...request, headers, signal });
    if (res.status === 304 && !current) throw new SyncError('http', `304 ${manifestUrl}`);
    const root = res.status === 304 ? undefined : await readManifest(res.bytes, d.publicKeys ?? [], d.crypto);

    if (current && (!root || root.version === current.version)) {
      // Nothing new. Make sure the active set is whole (a cleared cache refills here), its pages
      // too, so that the next change fetches only the pages it changed.
      const trusted = new Set(current.manifest.assets.map((a) => new URL(a.url, d.base).href));
      const cachedNow = await d.assets.urls(signal);
      // A set committed by an app before format 2 has no pages.
      const pages = current.manifest.pages ?? [];
      if (pages.some((e) => !cachedNow.has(new URL(e.url, d.base).href))) await loadPages(ctx, current.manifest, signal);
      const repair = await downloadSet(ctx, current.manifest, trusted, current.skipped, signal);
      if (repair.fetched > 0) await d.onCommit?.(current.version, signal);
      const etag = root ? (res.etag ?? undefined) : state.etag;
      await d.store.saveState({ etag, lastSync: at, lastAttempt: at, lastError: undefined, failures: 0 }, signal);
      // After failed runs (a version abandoned half-way, a full disk), free what they left.
      if (state.failures > 0) await collect(at, signal);
      return { changed: false, activeVersion: current.version, skipped: current.skipped, syncInterval: current.manifest.settings.syncInterval };
    }
    if (!root) throw new SyncError('http', `304 ${manifestUrl}`);
    // Content only moves forward: an older manifest, served again by a stale mirror or CDN edge
    // (the glass would flap between two versions) or replayed by an attacker (validly signed),
    // is refused. A rollback is a new build, with a new time.
    if (current && Date.parse(root.generated) < Date.parse(current.manifest.generated)) {
      throw new SyncError('replayed', `${root.version.slice(0, 12)} of ${root.generated} is older than ${current.manifest.generated}`);
    }
    const manifest = await loadPages(ctx, root, signal);

    const trusted = new Set(current?.manifest.assets.map((a) => new URL(a.url, d.base).href));
    const { skipped } = await downloadSet(ctx, manifest, trusted, [], signal);
    const record = { version: manifest.version, manifest, committed: at, skipped };
    // Pictures and pages are outside the IndexedDB transaction: check them just before it.
    const cached = await d.assets.urls(signal);
    const gone = [...manifest.pages, ...manifest.assets].map((a) => new URL(a.url, d.base).href).filter((u) => !cached.has(u));
    if (gone.length > 0) throw new SyncError('storage', `not cached: ${gone.join(', ')}`);
    const missing = await d.store.commit(record, res.etag ?? undefined, signal);
    if (missing.length > 0) throw new SyncError('storage', `not stored: ${missing.join(', ')}`);
    // The log is a convenience: a full disk must not turn a done commit into a failure.
    const note = (entry: LogEntry) => d.store.log(entry, signal).catch(() => undefined);
    for (const s of skipped) {
      await note({ at, event: 'skip', code: 'invalid-item', version: manifest.version, detail: `${s.id}: ${s.detail}` });
    }
    await note({ at, event: 'commit', version: manifest.version });
    await d.onCommit?.(manifest.version, signal);
    await collect(at, signal);
    return { changed: true, activeVersion: manifest.version, skipped, syncInterval: manifest.settings.syncInterval };
  }

  return {
    async sync(signal) {
      const at = d.timers.now();
      try {
        return { ok: true, at, ...(await run(at, signal)) };
      } catch (e) {
        // A run cut off by its time limit (./run-budget.ts) says so, not merely 'aborted'.
        const error = signal.aborted && signal.reason instanceof SyncError ? signal.reason : toSyncError(e, signal);
        let activeVersion: string | undefined;
        try {
          // Best effort, and without the signal: the reason a run stopped is worth keeping.
          const s = await d.store.state();
          activeVersion = s.activeVersion;
          const lastError = { code: error.code, detail: error.detail };
          await d.store.saveState({ lastAttempt: at, lastError, failures: s.failures + 1 });
          await d.store.log({ at, event: 'error', ...lastError });
        } catch {
          /* storage itself is failing (quota): the status still reports the error */
        }
        return { ok: false, error, activeVersion, at };
      }
    },
  };
}
