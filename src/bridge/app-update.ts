/**
 * App updates through workbox-window: a new service worker is activated as soon as it waits
 * (the page's code is all loaded; it fetches nothing the new worker cannot answer), and the
 * page reloads onto the new shell at the next slide boundary, so the reload never cuts a slide.
 *
 * A kiosk never navigates, so the browser's own update checks (on navigation) never come:
 * the page asks for one after a successful content sync, at most once an hour.
 */
import { Workbox } from 'workbox-window';

export const UPDATE_CHECK_MS = 3_600_000;

export interface AppUpdates {
  /** Call after each successful sync (time in ms); checks for a new app at most hourly. */
  synced(at: number): void;
  /** Resolves when the worker is registered; rejects if it cannot be (the page then plays from the network). */
  registered: Promise<unknown>;
}

/** Registers the worker; `boundary` resolves at the next slide change. */
export function registerAppUpdates(swUrl: string, boundary: () => Promise<void>): AppUpdates {
  const wb = new Workbox(swUrl, { type: 'module', scope: './' });
  wb.addEventListener('waiting', () => {
    wb.addEventListener('controlling', () => void boundary().then(() => location.reload()));
    wb.messageSkipWaiting();
  });
  // Not after the load event (the default): the page needs its worker for content at once.
  const registered = wb.register({ immediate: true }).then((reg) => reg ?? Promise.reject(new Error('not registered')));
  let checked = 0;
  return {
    registered,
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
