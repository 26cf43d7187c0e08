/**
 * App updates through workbox-window: a new service worker is activated as soon as it waits
 * (the page's code is all loaded; it fetches nothing the new worker cannot answer), and the
 * page reloads onto the new shell at the next slide boundary, so the reload never cuts a slide.
 *
 * A kiosk never navigates, so the browser's own update checks (on navigation) never come:
 * the page asks for one after a successful content sync, at most once an hour.
 *
 * A first install that failed (a disk too full for the app shell) is tried again, with
 * back-off, until a worker is active; the page then reloads onto it at a slide boundary.
 */
import { Workbox } from 'workbox-window';
import type { Timers } from '../frame/clock.ts';
import { browserTimers } from '../sync/timers.ts';
import { backoffDelay } from '../sync/backoff.ts';

export const UPDATE_CHECK_MS = 3_600_000;

export interface AppUpdates {
  /** Call after each successful sync (time in ms); checks for a new app at most hourly. */
  synced(at: number): void;
  /** Resolves when the worker is registered; rejects if it cannot be (the page then plays from the network). */
  registered: Promise<unknown>;
  /**
   * Until a worker is active, registers it again after 30 s, 1 min, 2 min … (full jitter, at
   * most 30 min apart): a first install that failed is never retried by the browser itself.
   * Returns a function that stops it.
   */
  retryInstall(timers?: Timers, random?: () => number): () => void;
}

/** First wait before trying a failed install again; it doubles up to the back-off's cap. */
export const INSTALL_RETRY_MS = 30_000;

/**
 * Registers the worker; `boundary` resolves at the next slide change; `beforeReload` runs just
 * before the page reloads onto a new worker (it hands its frames to the next page).
 */
export function registerAppUpdates(swUrl: string, boundary: () => Promise<void>, beforeReload: () => void = () => undefined): AppUpdates {
  const wb = new Workbox(swUrl, { type: 'module', scope: './' });
  wb.addEventListener('waiting', () => {
    wb.addEventListener('controlling', () => void boundary().then(() => {
      beforeReload();
      location.reload();
    }));
    wb.messageSkipWaiting();
  });
  // Not after the load event (the default): the page needs its worker for content at once.
  const registered = wb.register({ immediate: true }).then((reg) => reg ?? Promise.reject(new Error('not registered')));
  let checked = 0;
  return {
    registered,
    retryInstall(timers = browserTimers, random = Math.random) {
      let failures = 0;
      let cancel = (): void => undefined;
      const next = () => {
        cancel = timers.after(INSTALL_RETRY_MS + backoffDelay(failures++, random, { baseMs: INSTALL_RETRY_MS }), () => void attempt());
      };
      const attempt = async () => {
        const reg = await navigator.serviceWorker.getRegistration().catch(() => undefined);
        if (reg?.active) return;
        if (!reg?.installing && !reg?.waiting) {
          await navigator.serviceWorker.register(swUrl, { type: 'module', scope: './' }).catch(() => undefined);
        }
        next();
      };
      next();
      return () => cancel();
    },
    synced(at) {
      if (at - checked < UPDATE_CHECK_MS) return;
      if (checked !== 0) void wb.update().catch(() => undefined);
      checked = at;
    },
  };
}

/** Resolves at the next `kiosk-slide-change` event from the app. */
export function nextSlideChange(target: EventTarget): () => Promise<void> {
  return () => new Promise((resolve) => target.addEventListener('kiosk-slide-change', () => resolve(), { once: true }));
}
