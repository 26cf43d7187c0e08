/**
 * App updates through workbox-window: a new service worker waits until the kiosk reaches a
 * slide boundary, then activates, and the page reloads onto the new shell. Never mid-slide.
 */
import { Workbox } from 'workbox-window';

/** Registers the worker; `boundary` resolves at the next slide change. */
export function registerAppUpdates(swUrl: string, boundary: () => Promise<void>): Workbox | undefined {
  if (!('serviceWorker' in navigator)) return undefined;
  const wb = new Workbox(swUrl, { type: 'module', scope: './' });
  wb.addEventListener('waiting', () => {
    wb.addEventListener('controlling', () => location.reload());
    void boundary().then(() => wb.messageSkipWaiting());
  });
  void wb.register();
  return wb;
}

/** Resolves at the next `kiosk-slide-change` event from the app. */
export function nextSlideChange(target: EventTarget): () => Promise<void> {
  return () => new Promise((resolve) => target.addEventListener('kiosk-slide-change', () => resolve(), { once: true }));
}
