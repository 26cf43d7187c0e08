/**
 * The kiosk entry: reads the URL, starts the clock and the content source, and hands both to
 * <kiosk-app>. Side effects of the page live here and in src/sync; the UI only renders.
 */
import '../ui/kiosk-app.ts';
import { nextSlideChange, registerAppUpdates } from './app-update.ts';
import { startClock } from './clock.ts';
import { fetchedSource } from './fetch-content.ts';
import { readParams } from './params.ts';
import { rememberScreen } from './remembered-screen.ts';

const params = readParams(location.search);
const clock = startClock(params.at);
const source = fetchedSource(new URL('content/', document.baseURI));
const app = document.querySelector('kiosk-app')!;
app.screenId = rememberScreen(localStorage, params.screen);
app.clock = clock;
app.source = source;

if (import.meta.env.PROD) registerAppUpdates('sw.js', nextSlideChange(app));

// Dev server: content edits arrive at once (tools/lib/vite-content-plugin.ts).
if (import.meta.hot) {
  import.meta.hot.on('science-window:content', () => void source.refresh().catch(() => undefined));
}

const DEFAULT_INTERVAL_S = 60;
async function poll(): Promise<void> {
  try {
    await source.refresh();
  } catch (e) {
    console.warn('content refresh failed; the current set plays on', e);
  }
  const seconds = source.current()?.manifest.settings.syncInterval ?? DEFAULT_INTERVAL_S;
  setTimeout(poll, seconds * 1000);
}
void poll();
