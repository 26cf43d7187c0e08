/**
 * The kiosk entry: reads the URL, starts the clock and registers the service worker, which
 * owns the content (sync, store and the frames of the screen: src/sync/content-worker.ts,
 * src/frame/frames-for.ts). The page asks it for frames and plays them in <kiosk-app>; it ships no
 * sync engine, schedule or calendar. Side effects of the page live here and in src/app.
 */
import '../ui/kiosk-app.ts';
import { DEFAULT_SETTINGS, syncIntervalOf } from '../content/defaults.ts';
import type { FrameSource } from '../frame/frame-source.ts';
import { startSync, type StartedSync } from '../bridge/start-sync.ts';
import { COMMITTED } from '../sync/worker-protocol.ts';
import type { FramesReply } from '../frame/frames-for.ts';
import { saveHandoff, takeHandoff } from '../bridge/frames-handoff.ts';
import { workerFrames } from '../bridge/worker-frames.ts';
import { nextSlideChange, registerAppUpdates } from '../bridge/app-update.ts';
import { startClock } from './clock.ts';
import { readParams } from './params.ts';
import { readAt } from '../frame/read-at.ts';
import { remember, rememberScreen } from './remembered-screen.ts';
import { reportAir } from '../bridge/air-report.ts';
import { askWorker, onWorkerMessage } from '../bridge/worker-link.ts';

/** Frames asked of the worker at a time (it asks again 20 minutes before they run out). */
const FRAME_MINUTES = 60;
/** Failed asks in a row, with nothing on screen yet, before the page plays from the network. */
const GIVE_UP_AFTER = 2;

/** The site's time zone as last seen: a bare `at` (no offset) is read in it. */
const ZONE = 'science-window:zone';
const zone = localStorage.getItem(ZONE) ?? DEFAULT_SETTINGS.timeZone;
const params = readParams(location.search, zone);
// An `at` that cannot be read: the page says so (src/app/page.css) and plays real time.
if (params.at !== params.at) document.body.dataset.unreadAt = params.raw;
const app = document.querySelector('kiosk-app')!;
const screen = (app.screenId = rememberScreen(localStorage, params.screen));
const clock = (app.clock = startClock(params.at));
const base = new URL('content/', document.baseURI);

/** Frames name the site's zone: in another, remember it, and reload if `at` reads otherwise there (once). */
const learnZone = (f: FrameSource) => f.subscribe(() => {
  const z = f.frameAt(clock.now())?.timeZone;
  if (z && z !== zone) {
    try {
      localStorage.setItem(ZONE, z);
      if (params.at - readAt(params.raw, z)) location.reload();
    } catch { /* no storage: keep reading it in the zone it was read in */ }
  }
});

let sync: StartedSync | undefined;
let networked = false;
/** Plays from the network, with the checks and the planning on the page (a lazy chunk). */
function fromNetwork(why: unknown): void {
  if (networked) return;
  networked = true;
  sync?.stop();
  app.status = undefined;
  console.warn('science-window: no service worker; playing from the network, with no offline store', why);
  void import('./network-fallback.ts').then((m) => learnZone(m.playFromNetwork(app, base, __SW_PUBLIC_KEYS__)))
    .catch((e: unknown) => console.error('science-window: the network player did not load', e));
}

// A worker needs a secure context (https, or http://localhost); the dev server has none.
const canRegister = import.meta.env.PROD && isSecureContext && 'serviceWorker' in navigator;
let handOff = (): void => undefined;
let retrying = false;
const updates = canRegister ? registerAppUpdates('sw.js', nextSlideChange(app), () => handOff()) : undefined;
if (!updates) fromNetwork('not available');
else {
  let active = false;
  void navigator.serviceWorker.ready.then(() => (active = true));
  const frames = workerFrames({
    fetchFrames: (from) => updates.registered
      .then(() => askWorker({ type: 'frames', screen, from, minutes: FRAME_MINUTES }) as Promise<FramesReply | null>),
    clock,
    base,
    // After an app update's reload: the frames the page before held, so the glass lands on the slide.
    seed: takeHandoff(sessionStorage, screen, clock.now()),
    // The worker cannot serve (its install failed, its storage will not open) and nothing
    // plays yet: play from the network now, and go back to the worker once it serves.
    onFailure: (n) => {
      if (n < GIVE_UP_AFTER || frames.version()) return;
      fromNetwork('the service worker does not answer');
      if (active || retrying) return;
      retrying = true;
      // Not installed (a first install that failed, e.g. a full disk): try again now and then,
      // and once it is, reload onto it at a slide boundary.
      updates.retryInstall();
      void navigator.serviceWorker.ready.then(() => nextSlideChange(app)()).then(() => location.reload());
    },
  });
  app.frames = frames;
  learnZone(frames);
  handOff = () => saveHandoff(sessionStorage, screen, frames.held());
  updates.registered.then(async () => {
    onWorkerMessage(COMMITTED, () => frames.refresh());
    reportAir(app, clock, screen, remember(localStorage, 'science-window:token', params.token), () => frames.version());
    sync = await startSync({ ask: askWorker, intervalMs: () => (frames.syncInterval() ?? syncIntervalOf(undefined)) * 1000 });
    if (networked) return sync.stop();
    app.status = sync.status;
    let synced: number | undefined;
    sync.status.subscribe((s) => {
      // The page's own clock: the worker's and the page's agree on a screen, not under a test's fake clock.
      if (s.lastSync !== synced && (synced = s.lastSync)) updates.synced(Date.now());
      // A commit whose broadcast this page missed (it came before the listener): catch up.
      if (s.activeVersion && s.state === 'idle') frames.want(s.activeVersion);
    });
  }, fromNetwork);
}
