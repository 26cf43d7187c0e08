/**
 * The kiosk entry: reads the URL, starts the clock and the offline-first content sync, and
 * hands both to <kiosk-app>. Side effects of the page live here and in src/sync; the UI only
 * renders.
 */
import '../ui/kiosk-app.ts';
import { startSync } from '../sync/start-sync.ts';
import { nextSlideChange, registerAppUpdates } from './app-update.ts';
import { startClock } from './clock.ts';
import { fetchedSource } from './fetch-content.ts';
import { readParams } from './params.ts';
import { rememberScreen } from './remembered-screen.ts';

const params = readParams(location.search);
const app = document.querySelector('kiosk-app')!;
app.screenId = rememberScreen(localStorage, params.screen);
app.clock = startClock(params.at);

const base = new URL('content/', document.baseURI);
const updates = import.meta.env.PROD ? registerAppUpdates('sw.js', nextSlideChange(app)) : undefined;

startSync({ base, publicKeys: __SW_PUBLIC_KEYS__ })
  .then((sync) => {
    app.source = sync.source;
    app.status = sync.status;
    sync.status.subscribe((s) => s.lastSync && updates?.synced(s.lastSync));
    // Dev server: content edits arrive at once (tools/lib/vite-content-plugin.ts).
    if (import.meta.hot) import.meta.hot.on('science-window:content', () => void sync.scheduler.trigger());
  })
  .catch((e: unknown) => {
    // No IndexedDB or no secure context: play straight from the network, polling.
    console.warn('offline storage unavailable; playing from the network', e);
    // The same signature and hash checks as the sync engine; ±10 % jitter so screens drift apart.
    const source = fetchedSource(base, __SW_PUBLIC_KEYS__);
    app.source = source;
    const poll = () => source.refresh().catch(() => undefined)
      .finally(() => setTimeout(poll, (source.current()?.manifest.settings.syncInterval ?? 60) * (900 + 200 * Math.random())));
    void poll();
  });
