/// <reference lib="webworker" />
/**
 * The service worker: wires events only; decisions live in ./routes.ts.
 * Precaches the app shell, answers navigations offline, serves content-addressed files cache
 * first forever, and never answers content/manifest.json from a cache.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import { CONTENT_CACHE, classify, shellFor } from './routes.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

const scope = new URL(self.registration.scope);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Cache first from the cache the sync engine fills with verified files; a miss goes to the
// network and is NOT stored: only verified bytes enter that cache.
registerRoute(
  ({ url, request }) => classify(url, request.mode, scope) === 'immutable',
  async ({ request }) => (await (await caches.open(CONTENT_CACHE)).match(request)) ?? fetch(request),
);
registerRoute(({ url, request }) => classify(url, request.mode, scope) === 'manifest', new NetworkOnly());
registerRoute(
  ({ url, request }) => classify(url, request.mode, scope) === 'navigation',
  async (options) => createHandlerBoundToURL(shellFor(options.url))(options),
);

// The page asks for activation at a slide boundary (see src/app/app-update.ts), never mid-slide.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
