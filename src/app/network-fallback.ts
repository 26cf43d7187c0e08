/**
 * Without a service worker (plain http on a LAN, or the dev server) there is no offline store:
 * the kiosk plays straight from the network, polls, and makes its frames on the page. Loaded
 * only then (a dynamic import), so a screen with its worker never loads the validator, the
 * schedule and the calendar this needs.
 */
import type { KioskApp } from '../ui/kiosk-app.ts';
import { syncIntervalOf } from '../content/defaults.ts';
import { fetchedSource } from '../bridge/fetch-content.ts';
import { contentFrames } from '../frame/content-frames.ts';
import type { FrameSource } from '../frame/frame-source.ts';

export function playFromNetwork(app: KioskApp, base: URL, publicKeys: readonly JsonWebKey[]): FrameSource {
  // The same signature and hash checks as the sync engine; ±10 % jitter so screens drift apart.
  const source = fetchedSource(base, publicKeys);
  const frames = (app.frames = contentFrames(source, app.screenId));
  // Each refresh aborts the one in progress and only the latest lands (src/bridge/fetch-content.ts).
  const refresh = () => source.refresh().catch((e: unknown) => console.warn('science-window: content not refreshed', e));
  const poll = () => refresh()
    .finally(() => setTimeout(poll, syncIntervalOf(source.current()?.manifest.settings) * (900 + 200 * Math.random())));
  void poll();
  // Dev server: content edits arrive at once (tools/lib/vite-content-plugin.ts).
  // Once the content is good again, Vite's error overlay goes (Vite clears it only on a code update).
  if (import.meta.hot) {
    import.meta.hot.on('science-window:content', (m: { ok: boolean }) => {
      if (m.ok) document.querySelectorAll('vite-error-overlay').forEach((o) => o.remove());
      void refresh();
    });
  }
  return frames;
}
