/**
 * Proof of play, the page's part: it tells the service worker what the glass shows, whenever
 * that changes and once a minute, and that it is going when it unloads (AirReport in
 * src/sync/worker-protocol.ts). The worker records and reports (src/sync/report/); the page
 * sends a few numbers, and never waits for an answer.
 */
import type { Clock } from '../frame/clock.ts';
import type { AirReport } from '../sync/worker-protocol.ts';

export function reportAir(app: HTMLElement, clock: Clock, screen: string | undefined, token: string | undefined, version: () => string | undefined): void {
  const s = crypto.randomUUID();
  let err = 0;
  let last = '';
  const send = (gone?: 1): void => {
    const d = app.dataset;
    const r: AirReport = {
      type: 'air', s, screen, token, at: clock.now(), state: gone ? 'gone' : d.state, item: d.item, kind: d.kind,
      since: Number(d.since), until: Number(d.until), version: version(), w: innerWidth, h: innerHeight, up: performance.now() / 1000, err,
    };
    last = `${r.state}${r.item}${r.since}`;
    void navigator.serviceWorker.ready.then((reg) => reg.active?.postMessage(r));
  };
  addEventListener('error', () => err++);
  addEventListener('pagehide', () => send(1));
  new MutationObserver(() => `${app.dataset.state}${app.dataset.item}${app.dataset.since}` !== last && send())
    .observe(app, { attributes: true });
  setInterval(send, 60_000);
}
