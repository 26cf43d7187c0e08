/// <reference lib="webworker" />
/**
 * The service worker: wires events only; decisions live in ./routes.ts,
 * ../sync/content-worker.ts and ./shell-backup.ts. Precaches the app shell, answers navigations offline, serves
 * content-addressed files cache first forever, never answers content/manifest.json from a
 * cache, and owns the content: it runs the sync engine and reads the store for the pages.
 */
import { cacheNames } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, getCacheKeyForURL, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import { CONTENT_CACHE } from '../sync/store/asset-cache.ts';
import { openStore } from '../sync/store/open-store.ts';
import { createContentWorker } from '../sync/content-worker.ts';
import { browserTimers } from '../sync/timers.ts';
import { createReporter } from '../sync/report/reporter.ts';
import { type AirReport, COMMITTED, type WorkerFailure, type WorkerRequest } from '../sync/worker-protocol.ts';
import { answer } from './answer.ts';
import { withAssetPolicy } from './asset-policy.ts';
import { withRange } from './media-range.ts';
import { classify, shellFor } from './routes.ts';
import { verifiedMiss } from './verified-miss.ts';
import { openShellDb, shellKeeper } from './shell-backup.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

const scope = new URL(self.registration.scope);

/** The app's files of this build (Workbox injects the list here, at build time: one occurrence only). */
const precached = self.__WB_MANIFEST;
precacheAndRoute(precached);
cleanupOutdatedCaches();

// The shell kept twice: a precache deleted behind the app's back (a browser's "clear", an
// eviction) is answered from IndexedDB and filled again (./shell-backup.ts).
const shell = shellKeeper({
  entries: precached.map((e) => (typeof e === 'string' ? { url: e, revision: null } : { url: e.url, revision: e.revision ?? null })),
  scope, cacheKey: getCacheKeyForURL, caches, cacheName: cacheNames.precache, openDb: () => openShellDb(),
  fetch: (url, init) => fetch(url, init),
});
addPlugins([{
  cachedResponseWillBeUsed: async ({ cachedResponse, event }) => {
    if (!cachedResponse && event.type !== 'install') event.waitUntil(shell.heal().catch(() => 0));
    return cachedResponse;
  },
  handlerDidError: async ({ request }) => shell.fallback(request.url).catch(() => undefined),
}]);

const content = createContentWorker({
  base: new URL('content/', scope),
  fetch: (url, init) => fetch(url, init),
  openDb: () => openStore(),
  caches,
  crypto: crypto.subtle,
  timers: browserTimers,
  publicKeys: __SW_PUBLIC_KEYS__,
  timeoutMs: __SW_REQUEST_TIMEOUT_MS__,
  locks: navigator.locks,
  onCommit: (version) => void self.clients.matchAll({ type: 'window' })
    .then((pages) => pages.forEach((p) => p.postMessage({ type: COMMITTED, version }))),
});

// Proof of play and heartbeats: the page says what the glass shows; the worker keeps it and,
// when the content names a fleet server, reports it (src/sync/report/).
const reporter = createReporter({
  openDb: () => openStore(),
  fetch: (url, init) => fetch(url, init),
  timers: browserTimers,
  uuid: () => crypto.randomUUID(),
  random: Math.random,
  scope,
  build: __APP_BUILD__,
  syncState: () => content.state(),
  storage: async () => {
    const e = await navigator.storage.estimate();
    return { used: e.usage ?? 0, quota: e.quota ?? 0, persisted: await navigator.storage.persisted() };
  },
});

/** A verified file missing from the content cache (cleared behind the app's back): a sync run
 * puts the active set's files back (at most one a minute; it fails quietly offline). */
let repaired = -Infinity;
function repair(event: ExtendableEvent): void {
  if (Date.now() - repaired < 60_000) return;
  repaired = Date.now();
  event.waitUntil(content.sync());
}

// Cache first from the cache the sync engine fills with verified files. A miss (on this origin
// or a feed's) is never answered with unchecked bytes: a small file is fetched and checked
// against the hash in its name, a film waits for the sync (./verified-miss.ts); only the sync
// engine writes that cache.
async function fromVerified({ request, event }: { request: Request; event: ExtendableEvent }): Promise<Response> {
  const hit = await (await caches.open(CONTENT_CACHE)).match(request);
  if (hit) return withAssetPolicy(await withRange(request, hit));
  repair(event);
  const res = await verifiedMiss(request, (url, init) => fetch(url, init), crypto.subtle);
  return withAssetPolicy(res.ok ? await withRange(request, res) : res);
}
registerRoute(({ url, request }) => classify(url, request.mode, scope) === 'immutable', ({ request, event }) => fromVerified({ request, event: event as ExtendableEvent }));
registerRoute(({ url, request }) => classify(url, request.mode, scope) === 'foreign', ({ request, event }) => fromVerified({ request, event: event as ExtendableEvent }));
registerRoute(({ url, request }) => classify(url, request.mode, scope) === 'manifest', new NetworkOnly());
registerRoute(
  ({ url, request }) => classify(url, request.mode, scope) === 'navigation',
  async (options) => createHandlerBoundToURL(shellFor(options.url))(options),
);

const CONTENT_REQUESTS = new Set<unknown>(['sync', 'state', 'frames']);

self.addEventListener('message', (event) => {
  const type = (event.data as { type?: unknown } | null)?.type;
  // The page asks for activation at a slide boundary (see src/bridge/app-update.ts), never mid-slide.
  if (type === 'SKIP_WAITING') void self.skipWaiting();
  else if (type === 'air') event.waitUntil(reporter.report(event.data as AirReport));
  else if (CONTENT_REQUESTS.has(type)) {
    // A copy refused at activation (a full disk) is tried again now and then (cheap when made).
    if (type === 'sync') event.waitUntil(shell.save().catch(() => undefined));
    const port = event.ports[0];
    event.waitUntil(answer(content, event.data as WorkerRequest).then(
      (reply) => port?.postMessage(reply),
      // The store could not be read: the page keeps what it plays (see WorkerFailure).
      (e: unknown) => port?.postMessage({ failed: String(e) } satisfies WorkerFailure),
    ));
  }
});
self.addEventListener('activate', (event) => event.waitUntil(Promise.all([
  self.clients.claim(),
  // Quota may refuse the copy: the precache itself is there, so the shell still works.
  shell.save().catch((e: unknown) => console.warn('science-window: the shell was not copied to IndexedDB', e)),
])));
