/**
 * The delegated feeds on the screen: each feed the root's active set delegates syncs with its
 * own engine (./sync-engine.ts) into its own slot of the store (state in 'feeds', by id),
 * verified with the key its delegation names, and commits on its own. A feed that fails
 * (unreachable, 500, tampered, replayed, unsigned) keeps its last good set and never touches the
 * root's or another feed's; one whose delegation changes key (rotated, revoked) stops playing at
 * once and is fetched again under the new key; one no longer delegated is forgotten.
 *
 * Network, storage, crypto and clock come from the content worker, as for the root.
 */
import { feedFolder, type FeedUrlProblem, feedUrlProblems } from '../content/feed-urls.ts';
import type { FeedDelegation } from '../content/schema.ts';
import type { ContentSet } from '../frame/content-set.ts';
import type { FeedInput } from '../frame/merge-feeds.ts';
import type { FetchLike } from './fetch-bytes.ts';
import { jwkThumbprint } from './jwk-thumbprint.ts';
import { readContentSet } from './read-content-set.ts';
import { feedShare, inTurn, within } from './run-budget.ts';
import type { AssetStore } from './store/asset-cache.ts';
import type { PartStore } from './store/part-cache.ts';
import type { Estimate } from './room.ts';
import { type ContentStore, createContentStore } from './store/content-store.ts';
import type { FeedState } from './store/db-schema.ts';
import type { StoreDb } from './store/open-store.ts';
import { createSyncEngine, type SyncEngine } from './sync-engine.ts';
import { SyncError, type SyncErrorCode } from './sync-error.ts';
import type { Timers } from './timers.ts';

export interface FeedSyncDeps {
  /** The root's content folder: a relative feed url is resolved against it. */
  base: URL;
  db: StoreDb;
  fetch: FetchLike;
  assets: AssetStore;
  /** Films half-downloaded, and the free space check (as the root's engine has them). */
  parts: PartStore;
  estimate?: Estimate;
  crypto: SubtleCrypto;
  timers: Timers;
  timeoutMs?: number;
  onCommit?: (version: string) => void;
}

/** One feed's run, as plain data. */
export interface FeedReply {
  id: string;
  ok: boolean;
  /** Not synced: no screen of this box plays it (its stored set, if any, stays). */
  skipped?: true;
  changed?: boolean;
  activeVersion: string | undefined;
  error?: { code: SyncErrorCode; detail: string };
}

export interface FeedSync {
  /**
   * One run of every delegated feed, one after another (those that may send emergencies first),
   * each within its share of the time left until `until` (./run-budget.ts); replies in the
   * delegations' order; never rejects.
   */
  sync(delegations: readonly FeedDelegation[], signal: AbortSignal, until?: number, wanted?: (d: FeedDelegation) => boolean): Promise<FeedReply[]>;
  /** The active set of each delegated feed that is still trusted (undefined: none). */
  sets(delegations: readonly FeedDelegation[]): Promise<FeedInput[]>;
  states(): Promise<Record<string, FeedState>>;
  /**
   * Frees the cached files and half-downloaded films that lie in no folder of these delegations
   * (nor the root's): a feed no longer delegated, moved or refused leaves nothing behind to fill
   * the quota. Each engine collects its own folder only.
   */
  sweep(delegations: readonly FeedDelegation[], signal: AbortSignal): Promise<void>;
}

export function createFeedSync(d: FeedSyncDeps): FeedSync {
  const engines = new Map<string, { at: string; engine: SyncEngine; store: ContentStore; base: URL }>();
  const prints = new Map<string, Promise<string>>();
  /** Each feed's active set as last read, by what it was read for. */
  const held = new Map<string, { at: string; set: ContentSet }>();
  /** The url checks of a list of delegations, made once per list (frames are asked for often). */
  const checked = new WeakMap<readonly FeedDelegation[], FeedUrlProblem[]>();
  const thumbprint = (key: JsonWebKey) => {
    const k = `${key.x}`;
    let p = prints.get(k);
    if (!p) prints.set(k, (p = jwkThumbprint(key, d.crypto)));
    return p;
  };

  /**
   * The feed's folder, or a SyncError: it must not be, hold or sit inside the root's folder or
   * an earlier feed's (collection deletes what a folder's own sets do not name), as the build
   * also checks (../content/feed-urls.ts); a root signed by an older build is checked here too.
   */
  function baseOf(f: FeedDelegation, all: readonly FeedDelegation[]): URL {
    let problems = checked.get(all);
    if (!problems) checked.set(all, (problems = feedUrlProblems(all, d.base)));
    const problem = problems.find((p) => all[p.index]?.id === f.id);
    const folder = feedFolder(f.url, d.base);
    if (problem || !folder) throw new SyncError('invalid-manifest', `feed ${f.id}: its url ${f.url} ${problem?.code ?? 'feed-url-bad'}`);
    return new URL(folder);
  }

  function engineOf(f: FeedDelegation, all: readonly FeedDelegation[], key: JsonWebKey, kid: string) {
    const base = baseOf(f, all);
    const at = `${base.href} ${kid}`;
    const had = engines.get(f.id);
    if (had?.at === at) return had;
    const store = createContentStore(d.db, f.id);
    const engine = createSyncEngine({
      base, fetch: d.fetch, store, assets: d.assets, parts: d.parts, estimate: d.estimate, crypto: d.crypto, timers: d.timers, timeoutMs: d.timeoutMs,
      publicKeys: [key], onCommit: (version) => d.onCommit?.(version),
    });
    const made = { at, engine, store, base };
    engines.set(f.id, made);
    return made;
  }

  async function one(f: FeedDelegation, all: readonly FeedDelegation[], signal: AbortSignal): Promise<FeedReply> {
    const store = createContentStore(d.db, f.id);
    try {
      if (!f.key) throw new SyncError('unsigned', `feed ${f.id}: its delegation names no key`);
      const kid = await thumbprint(f.key);
      const { engine } = engineOf(f, all, f.key, kid);
      const state = await store.state(signal);
      if (state.key !== kid) {
        // A set verified with another key is not trusted any more: start again under this one.
        await store.saveState({ activeVersion: undefined, previousVersion: undefined, etag: undefined, key: kid }, signal);
      }
      const r = await engine.sync(signal);
      return r.ok
        ? { id: f.id, ok: true, changed: r.changed, activeVersion: r.activeVersion }
        : { id: f.id, ok: false, activeVersion: r.activeVersion, error: { code: r.error.code, detail: r.error.detail } };
    } catch (e) {
      const error = e instanceof SyncError ? e : new SyncError('storage', String(e));
      await store.saveState({ lastAttempt: d.timers.now(), lastError: { code: error.code, detail: error.detail } }).catch(() => undefined);
      return { id: f.id, ok: false, activeVersion: undefined, error: { code: error.code, detail: error.detail } };
    }
  }

  return {
    async sync(delegations, signal, until = Infinity, wanted = () => true) {
      const replies = new Map<string, FeedReply>();
      for (const f of delegations.filter((x) => !wanted(x))) {
        const state = await createContentStore(d.db, f.id).state().catch(() => undefined);
        replies.set(f.id, { id: f.id, ok: true, skipped: true, activeVersion: state?.activeVersion });
      }
      const turn = inTurn(delegations.filter(wanted));
      for (const [i, f] of turn.entries()) {
        const limit = within(d.timers, feedShare(d.timers.now(), until, turn.length - i), signal, `feed ${f.id}`);
        replies.set(f.id, await one(f, delegations, limit.signal).finally(limit.done));
      }
      const out = delegations.map((f) => replies.get(f.id)!);
      const ids = new Set(delegations.map((f) => f.id));
      const root = createContentStore(d.db);
      for (const id of Object.keys(await root.feedStates())) if (!ids.has(id)) await root.dropFeed(id);
      return out;
    },
    async sets(delegations) {
      const out: FeedInput[] = [];
      for (const f of delegations) {
        let set: ContentSet | undefined;
        try {
          const store = createContentStore(d.db, f.id);
          const state = await store.state();
          if (f.key && state.activeVersion && state.key === (await thumbprint(f.key))) {
            // Read from the store only when the feed's version moves (frames are asked for often).
            const base = baseOf(f, delegations);
            const at = `${state.activeVersion} ${state.key} ${base.href}`;
            const had = held.get(f.id);
            set = had?.at === at ? had.set : await readContentSet(store, base);
            if (set) held.set(f.id, { at, set });
          }
        } catch {
          set = undefined; // an unreadable or misplaced feed plays nothing; the others play on
        }
        out.push({ id: f.id, set });
      }
      return out;
    },
    states: () => createContentStore(d.db).feedStates(),
    async sweep(delegations, signal) {
      const folders = [d.base.href, ...delegations.flatMap((f) => feedFolder(f.url, d.base) ?? [])];
      const orphan = (url: string) => !folders.some((folder) => url.startsWith(folder));
      for (const url of await d.assets.urls(signal)) if (orphan(url)) await d.assets.delete(url, signal);
      for (const url of await d.parts.urls()) {
        signal.throwIfAborted();
        if (orphan(url)) await d.parts.clear(url);
      }
    },
  };
}
