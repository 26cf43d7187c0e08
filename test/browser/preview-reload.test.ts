/**
 * <preview-app>'s reload (called on every content edit by the dev server) aborts the one before
 * it, and only the latest reload's content, build problems and kiosk state land, whatever order
 * they come back in. The sources are held until the test answers them (and ignore their signal,
 * like a response already on its way). readWorkerState without a service worker answers at once.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { WorkerState } from '../../src/bridge/worker-state.ts';
import { readWorkerState } from '../../src/bridge/worker-state.ts';
import type { Problem } from '../../src/content/problem.ts';
import type { ContentSet } from '../../src/frame/content-set.ts';
import '../../src/preview/preview-app.ts';
import type { PreviewApp } from '../../src/preview/preview-app.ts';
import type { PreviewSources } from '../../src/preview/preview-sources.ts';
import { CHONGYANG, ITEMS, contentOf, loadTables, until } from './helpers.ts';

interface Held<T> {
  signal: AbortSignal;
  resolve(value: T): void;
  reject(e: unknown): void;
}

/** One reload's three reads, answered by the test. */
interface Reload {
  content: Held<ContentSet>;
  problems: Held<Problem[]>;
  kiosk: Held<WorkerState | undefined>;
}

function heldSources(): { sources: PreviewSources; reloads: Partial<Reload>[] } {
  const reloads: Partial<Reload>[] = [];
  // The reads of one reload come in order content, problems, kiosk: each opens or fills a row.
  const hold = <K extends keyof Reload>(key: K, signal: AbortSignal) =>
    new Promise<Parameters<Reload[K]['resolve']>[0]>((resolve, reject) => {
      let row = reloads.find((r) => !(key in r));
      if (!row) reloads.push((row = {}));
      (row as Record<K, unknown>)[key] = { signal, resolve, reject };
    });
  return {
    reloads,
    sources: {
      content: (_base, signal) => hold('content', signal),
      problems: (_base, signal) => hold('problems', signal),
      kiosk: (signal) => hold('kiosk', signal),
    },
  };
}

const ERROR: Problem = { file: 'content/items/old.json', line: 1, col: 1, severity: 'error', code: 'stale-problem', params: {} };
const KIOSK: WorkerState = { activeVersion: 'kiosk-stale-version', lastAttempt: CHONGYANG, failures: 0 };

/** The text of the preview's shadow root (or of one section in it), whitespace collapsed. */
const shown = (el: PreviewApp, selector?: string) =>
  ((selector ? el.shadowRoot!.querySelector(selector) : el.shadowRoot!)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const published = (el: PreviewApp) => shown(el, 'section[aria-labelledby="pub-h"]');
const settle = async (el: PreviewApp) => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
};

async function mountHeld() {
  const { sources, reloads } = heldSources();
  const el = await fixture<PreviewApp>(html`<preview-app .sources=${sources} .wallClock=${() => CHONGYANG}></preview-app>`);
  await until(() => reloads.length === 1 && reloads[0]!.kiosk !== undefined);
  return { el, reloads: reloads as Reload[] };
}

describe('<preview-app> reload', () => {
  it('drops an older reload that lands after a newer one: content, problems and kiosk state', async () => {
    const t = await loadTables();
    const { el, reloads } = await mountHeld();
    const second = el.reload();
    await until(() => reloads[1]?.kiosk !== undefined);
    reloads[1]!.content.resolve(contentOf([ITEMS.health, ITEMS.notice], t, undefined, undefined, 'v2-newer-version'));
    reloads[1]!.problems.resolve([]);
    reloads[1]!.kiosk.resolve(undefined);
    await second;
    await settle(el);
    expect(published(el)).to.contain('v2-newer-ver');

    reloads[0]!.content.resolve(contentOf([ITEMS.health], t, undefined, undefined, 'v1-older-version'));
    reloads[0]!.problems.resolve([ERROR]);
    reloads[0]!.kiosk.resolve(KIOSK);
    await settle(el);
    const text = shown(el);
    expect(published(el)).to.contain('v2-newer-ver');
    expect(text).not.to.contain('v1-older-ver');
    expect(text).not.to.contain('stale-problem');
    expect(text).not.to.contain('kiosk-stale');
    expect(el.shadowRoot!.querySelector('.problems.errors')).to.equal(null);
    expect([reloads[0]!.content.signal.aborted, reloads[1]!.content.signal.aborted]).to.deep.equal([true, false]);
  });

  it('an older reload failing late shows no error over the newer content', async () => {
    const t = await loadTables();
    const { el, reloads } = await mountHeld();
    const second = el.reload();
    await until(() => reloads[1]?.kiosk !== undefined);
    reloads[1]!.content.resolve(contentOf([ITEMS.notice], t, undefined, undefined, 'v2-newer-version'));
    reloads[1]!.problems.resolve([ERROR]);
    reloads[1]!.kiosk.resolve(KIOSK);
    await second;
    reloads[0]!.content.reject(new DOMException('aborted', 'AbortError'));
    reloads[0]!.problems.reject(new DOMException('aborted', 'AbortError'));
    reloads[0]!.kiosk.reject(new DOMException('aborted', 'AbortError'));
    await settle(el);
    const text = shown(el);
    expect(el.shadowRoot!.querySelector('.error')).to.equal(null);
    expect(text).to.contain('stale-problem');
    expect(text).to.contain('kiosk-stale');
  });

  it('leaving the page aborts the reload in progress, and its results land nowhere', async () => {
    const t = await loadTables();
    const { el, reloads } = await mountHeld();
    el.remove();
    expect(reloads[0]!.content.signal.aborted).to.equal(true);
    reloads[0]!.content.resolve(contentOf([ITEMS.notice], t));
    await settle(el);
    expect(shown(el)).not.to.contain('v1');
  });
});

describe('readWorkerState', () => {
  it('resolves undefined at once where the page has no service worker', async () => {
    expect(await navigator.serviceWorker.getRegistration()).to.equal(undefined);
    const start = performance.now();
    expect(await readWorkerState()).to.equal(undefined);
    expect(performance.now() - start).to.be.below(1000);
  });
});
