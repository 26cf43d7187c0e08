/**
 * The page's line to the content when no worker holds it: loads a published content set over
 * the network in one go and keeps it in memory: the staff preview's source, and the screen's
 * fallback when it has no offline storage (a lazy chunk). It uses the sync engine's own checks
 * (src/sync/read-manifest.ts, src/sync/verify.ts): the root manifest's signature when the app has public keys,
 * the sha256 of every page and file when WebCrypto is there, the schema of every page and item. Items that fail the
 * schema are skipped and logged, never fatal to the rest. Every request takes the caller's
 * signal; a source's `refresh()` aborts the one before it and drops any result but the latest's.
 */
import { decodeTables } from '../calendar/tables.ts';
import { expandManifest, readManifest, readPage } from '../sync/read-manifest.ts';
import { checkBytes, parseCalendar, parseItem } from '../sync/verify.ts';
import type { CompiledItem } from '../content/schema.ts';
import { assetResolver, type ContentSet, type ContentSource, contentHolder } from '../frame/content-set.ts';
import { type FeedInput, type MergedSet, mergeFeeds } from '../frame/merge-feeds.ts';
import { latestCall } from './latest-call.ts';

/** The part of `fetch` used here; tests pass their own. */
export type Fetch = (url: URL, init: RequestInit) => Promise<Response>;

export interface FetchOptions {
  /** Ed25519 public JWKs: with any, an unsigned or tampered manifest is refused. */
  publicKeys?: readonly JsonWebKey[];
  signal?: AbortSignal;
  /** Default: the global fetch. */
  fetch?: Fetch;
}

const globalFetch: Fetch = (url, init) => fetch(url, init);

async function bytes(get: Fetch, url: URL, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  const res = await get(url, { signal, cache: 'no-cache' });
  if (!res.ok) throw new Error(`${res.status} ${url}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** A delegated feed as fetched: its version and build time, or why it could not be read. */
export interface FetchedFeed {
  id: string;
  version?: string;
  generated?: string;
  error?: string;
}

/**
 * The root's set merged with every feed it delegates (src/frame/merge-feeds.ts), each fetched
 * and checked with its own key; a feed that cannot be read is left out with its error, and the
 * rest plays. `feeds` says how each went.
 */
export async function fetchContent(base: URL, o: FetchOptions = {}): Promise<MergedSet & { feeds: FetchedFeed[] }> {
  const root = await fetchSet(base, o);
  const feeds: FetchedFeed[] = [];
  const inputs = await Promise.all((root.manifest.settings.feeds ?? []).map(async (d): Promise<FeedInput> => {
    try {
      if (!d.key) throw new Error('its delegation names no key');
      const set = await fetchSet(new URL(d.url.endsWith('/') ? d.url : `${d.url}/`, base), { ...o, publicKeys: [d.key] });
      feeds.push({ id: d.id, version: set.manifest.version, generated: set.manifest.generated });
      return { id: d.id, set };
    } catch (e) {
      if (o.signal?.aborted) throw e;
      feeds.push({ id: d.id, error: e instanceof Error ? e.message : String(e) });
      return { id: d.id, set: undefined };
    }
  }));
  const order = new Map((root.manifest.settings.feeds ?? []).map((d, i) => [d.id, i]));
  feeds.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { ...mergeFeeds(root, inputs), feeds };
}

/** One published set (the root's or a feed's), checked. */
async function fetchSet(base: URL, o: FetchOptions): Promise<ContentSet> {
  const keys = o.publicKeys ?? [];
  const get = o.fetch ?? globalFetch;
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (keys.length > 0 && !subtle) throw new Error('signed content needs WebCrypto (https or localhost)');
  const root = await readManifest(await bytes(get, new URL('manifest.json', base), o.signal), keys, subtle as SubtleCrypto);
  const fetchChecked = async (e: { url: string; hash: string; bytes: number }) => {
    const b = await bytes(get, new URL(e.url, base), o.signal);
    if (subtle) await checkBytes(subtle, b, e);
    return b;
  };
  const manifest = expandManifest(root, await Promise.all(root.pages.map(async (e) => readPage(await fetchChecked(e), e.url))));
  const items: CompiledItem[] = [];
  await Promise.all(manifest.items.map(async (e) => {
    const r = parseItem(await fetchChecked(e), e);
    if ('item' in r) items.push(r.item);
    else console.warn('skipped invalid item', e.id, r.problem);
  }));
  items.sort((a, b) => (a.id < b.id ? -1 : 1));
  const tables = decodeTables(parseCalendar(await fetchChecked(manifest.calendar)));
  return { manifest, items, tables, assetUrl: assetResolver(manifest, base) };
}

/**
 * A content source that holds one fetched set; `refresh()` loads a newer one. A refresh aborts
 * the one in progress, which then resolves without a word (the newer call reports); whatever an
 * older call still brings back is dropped, so the set held is the latest call's.
 */
export function fetchedSource(
  base: URL,
  publicKeys: readonly JsonWebKey[] = [],
  o: Pick<FetchOptions, 'fetch'> = {},
): ContentSource & { refresh(signal?: AbortSignal): Promise<void> } {
  const holder = contentHolder();
  const refreshes = latestCall();
  return {
    current: holder.current,
    subscribe: holder.subscribe,
    async refresh(signal) {
      const call = refreshes.start(signal);
      let next: ContentSet;
      try {
        next = await fetchContent(base, { publicKeys, signal: call.signal, fetch: o.fetch });
      } catch (e) {
        if (!call.current() && !signal?.aborted) return;
        throw e;
      }
      const held = holder.current()?.manifest;
      // Forward only, as the sync engine: a stale mirror's older manifest never moves the glass back.
      const older = held !== undefined && Date.parse(next.manifest.generated) < Date.parse(held.generated);
      if (call.current() && !older && next.manifest.version !== held?.version) holder.set(next);
    },
  };
}
