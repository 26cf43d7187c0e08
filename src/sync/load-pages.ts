/**
 * The engine's side of a paged manifest: reads every page a root names and returns the expanded
 * Manifest. A page is taken from the content cache when a set before this one brought it (an
 * unchanged page is never fetched again), checked against the root's sha256 there too; any other
 * is downloaded, checked and cached. A page with the root's hash that is not a valid page is
 * the publisher's mistake: 'invalid-manifest', located by its URL. Anything failing blocks the
 * run (nothing is committed).
 */
import type { Manifest, ManifestPage, PageEntry, RootManifest } from '../content/manifest.ts';
import { blockingError, type DownloadContext } from './download-set.ts';
import { fetchBytes } from './fetch-bytes.ts';
import { runPool } from './pool.ts';
import { expandManifest, readPage } from './read-manifest.ts';
import { SyncError } from './sync-error.ts';
import { checkBytes } from './verify.ts';

export async function loadPages(c: DownloadContext, root: RootManifest, signal: AbortSignal): Promise<Manifest> {
  const cached = await c.assets.urls(signal);
  const pages = new Map<string, ManifestPage>();
  const load = async (e: PageEntry) => {
    const url = new URL(e.url, c.base).href;
    const ok = (b: Uint8Array<ArrayBuffer>) => checkBytes(c.subtle, b, e).then(() => true, () => false);
    let bytes = cached.has(url) ? await c.assets.get(url, signal) : undefined;
    if (!bytes || !(await ok(bytes))) {
      bytes = (await fetchBytes(url, { ...c.request, signal })).bytes;
      await checkBytes(c.subtle, bytes, e);
      await c.assets.put(url, bytes, 'application/json', signal);
    }
    pages.set(e.url, readPage(bytes, e.url));
  };
  const unique = [...new Map(root.pages.map((e) => [e.url, e])).values()];
  const errors = await runPool(unique, c.parallel, load, signal);
  if (signal.aborted) throw new SyncError('aborted');
  const first = blockingError(errors);
  if (first) throw first;
  return expandManifest(root, root.pages.map((e) => pages.get(e.url)!));
}
