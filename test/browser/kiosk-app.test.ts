import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { html } from 'lit';
import type { ContentSet } from '../../src/frame/content-set.ts';
import type { CompiledItem } from '../../src/content/schema.ts';
import '../../src/ui/kiosk-app.ts';
import type { KioskApp } from '../../src/ui/kiosk-app.ts';
import { contentFrames } from '../../src/frame/content-frames.ts';
import { slideAt } from '../../src/frame/slide-at.ts';
import { frameAt } from '../../src/frame/frame-at.ts';
import { framesFor } from '../../src/frame/frames-for.ts';
import { workerFrames } from '../../src/bridge/worker-frames.ts';
import { alarmTimers } from '../../src/ui/alarm-controller.ts';

import type { KioskSlide } from '../../src/ui/slide.ts';
import {
  CHONGYANG, contentOf, fakeClock, fakeSource, GATE, ITEMS, loadTables, mount, textOf, unmountAll, until,
} from './helpers.ts';

/** The slide the schedule puts on air for screen `id` at `t`. */
const airAt = (c: ContentSet, id: string, t: number) => slideAt(frameAt(c, id, t)!.loop!, t);

const notice: CompiledItem = { ...ITEMS.notice, duration: 8 };
const policy: CompiledItem = { ...ITEMS.policy, duration: 8 };
const alert: CompiledItem = { ...ITEMS.alert, duration: 10 };

/** The live slide in the app. */
const live = (app: KioskApp) => app.querySelector<KioskSlide>('[data-item]');
/** Resolves when the app and its live slide (fit included) are settled. */
async function settled(app: KioskApp): Promise<void> {
  await app.updateComplete;
  await live(app)?.updateComplete;
  await app.updateComplete;
}

/** Mounts a kiosk at instant `at` (screenId null: none asked for). */
async function start(content: ContentSet | undefined, at: number, screenId: string | null = 'gate') {
  const clock = fakeClock(at);
  const source = fakeSource(content);
  const app = await mount<KioskApp>(html`<kiosk-app .screenId=${screenId ?? undefined} .clock=${clock} .frames=${contentFrames(source, screenId ?? undefined)}></kiosk-app>`);
  await settled(app);
  return { app, clock, source };
}

describe('<kiosk-app>', () => {
  afterEach(unmountAll);

  it('an unknown screen gets a full page listing the screens, with links', async () => {
    const { app } = await start(contentOf([notice], await loadTables()), CHONGYANG, 'nope');
    expect(app.dataset.state).to.equal('screens');
    expect(textOf(app)).to.contain('螢幕清單').and.to.contain('找不到螢幕「nope」。');
    const links = [...app.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).to.deep.equal([
      ['綠園社區 東門櫥窗', '?screen=gate'], ['青溪社區 走廊', '?screen=corridor'],
    ]);
    expect(textOf(app)).to.contain('corridor');
  });

  it('no screen asked for: the same list', async () => {
    const { app } = await start(contentOf([notice], await loadTables()), CHONGYANG, null);
    expect(app.dataset.state).to.equal('screens');
    expect(app.querySelectorAll('a')).to.have.length(2);
  });

  it('no content yet: a calm loading page with the clock, then the slide as soon as content arrives', async () => {
    const { app, source } = await start(undefined, CHONGYANG);
    expect(app.dataset.state).to.equal('loading');
    expect(app.querySelector('time')!.textContent).to.equal('09:00');
    expect(app.querySelector('p')!.textContent).to.equal('正在載入內容…');
    source.push(contentOf([notice], await loadTables()));
    await settled(app);
    expect(app.dataset.state).to.equal('on');
    expect(app.dataset.item).to.equal('notice');
  });

  it('header: place, clock in the settings time zone (not the OS zone), date, lunar date, solar term, the day\'s festival', async () => {
    const { app } = await start(contentOf([notice], await loadTables()), CHONGYANG);
    const header = app.querySelector('kiosk-header')!;
    await header.updateComplete;
    const parts = [...header.querySelectorAll('.place, .day span, time')].map((e) => e.textContent);
    expect(parts).to.deep.equal(['綠園社區 東門櫥窗', '2026年10月18日 星期日', '九月初九 · 寒露 · 重陽節', '09:00']);
  });

  it('the slide on air carries data-item / data-kind, mirrored on the host', async () => {
    const { app } = await start(contentOf([notice], await loadTables()), CHONGYANG);
    const slide = live(app)!;
    expect(slide.localName).to.equal('kiosk-notice');
    expect([slide.dataset.item, slide.dataset.kind]).to.deep.equal(['notice', 'notice']);
    expect([app.dataset.item, app.dataset.kind]).to.deep.equal(['notice', 'notice']);
    expect(app.lang).to.equal('zh-Hant');
  });

  it('nothing eligible: the built-in card', async () => {
    const { app } = await start(contentOf([], await loadTables()), CHONGYANG);
    expect(app.dataset.item).to.equal('builtin/today');
    expect(live(app)!.localName).to.equal('kiosk-today');
  });

  it('changes slide at the boundary, by one timer', async () => {
    const content = contentOf([notice, policy], await loadTables());
    const air = airAt(content, 'gate', CHONGYANG);
    const { app, clock } = await start(content, air.endsAt - 300);
    const first = app.dataset.item;
    expect(first).to.equal(air.slide.id);
    const changes: string[] = [];
    app.addEventListener('kiosk-slide-change', (e) => changes.push(`${e.detail.kind}:${e.detail.item}`));
    await until(() => app.dataset.item !== first);
    expect(changes).to.deep.equal([`${app.dataset.kind}:${app.dataset.item}`]);
    expect(clock.now()).to.be.at.least(air.endsAt);
    expect(clock.now()).to.be.below(air.endsAt + 1500);
    expect(app.dataset.item).to.equal(airAt(content, 'gate', air.endsAt).slide.id);
  });

  it('the progress bar is a CSS animation as long as the slide, started part-way', async () => {
    const content = contentOf([notice, policy], await loadTables());
    const air = airAt(content, 'gate', CHONGYANG);
    const { app } = await start(content, air.startsAt + 3000);
    const bar = app.querySelector<HTMLElement>('.top .bar')!;
    const cs = getComputedStyle(bar);
    expect(cs.animationName).to.equal('bar');
    expect(parseFloat(cs.animationDuration)).to.equal(8);
    expect(parseFloat(cs.animationDelay)).to.be.closeTo(-3, 0.2);
  });

  it('new content waits for the next slide boundary', async () => {
    const t = await loadTables();
    const content = contentOf([notice, policy], t);
    const air = airAt(content, 'gate', CHONGYANG);
    const { app, source } = await start(content, air.endsAt - 600);
    const before = app.dataset.item;
    const health: CompiledItem = { ...ITEMS.health, id: 'health/new', duration: 8 };
    const next = contentOf([health], t, undefined, undefined, 'v2');
    source.push(next);
    await settled(app);
    expect(app.dataset.item).to.equal(before);
    await until(() => app.dataset.item === 'health/new');
  });

  it('a new emergency alert interrupts at once, full screen', async () => {
    const t = await loadTables();
    const { app, source } = await start(contentOf([notice, policy], t), CHONGYANG);
    source.push(contentOf([notice, policy, alert], t, undefined, undefined, 'v2'));
    await settled(app);
    expect(app.dataset.item).to.equal('alerts/cold-wave');
    expect(app.dataset.kind).to.equal('alert');
    const layer = live(app)!.parentElement!;
    expect(layer.classList.contains('full')).to.equal(true);
    expect(layer.getBoundingClientRect().top).to.equal(app.getBoundingClientRect().top);
    expect(layer.getBoundingClientRect().height).to.equal(app.getBoundingClientRect().height);
  });

  it('a withdrawn emergency alert leaves the screen at once', async () => {
    const t = await loadTables();
    const { app, source } = await start(contentOf([notice, policy, alert], t), CHONGYANG);
    expect(app.dataset.kind).to.equal('alert');
    source.push(contentOf([notice, policy], t, undefined, undefined, 'v2'));
    await settled(app);
    expect(app.dataset.kind).to.not.equal('alert');
  });

  it('when the loop changes, the slide at the boundary starts whole, not part-way', async () => {
    const t = await loadTables();
    const content = contentOf([notice, policy], t);
    const air = airAt(content, 'gate', CHONGYANG);
    const { app, source } = await start(content, air.endsAt - 300);
    // A loop of other lengths, whose position at the boundary falls inside a slide.
    const a: CompiledItem = { ...ITEMS.health, id: 'health/a', duration: 23 };
    const b: CompiledItem = { ...ITEMS.safety, id: 'safety/b', duration: 31 };
    const next = contentOf([a, b], t, undefined, undefined, 'v2');
    const planned = airAt(next, 'gate', air.endsAt);
    expect(air.endsAt - planned.startsAt, 'the fixture lands mid-slide').to.be.above(1000);
    source.push(next);
    await until(() => app.dataset.item === 'health/a' || app.dataset.item === 'safety/b');
    await settled(app);
    const bar = getComputedStyle(app.querySelector<HTMLElement>('.top .bar')!);
    expect(parseFloat(bar.animationDelay)).to.be.closeTo(0, 0.5);
  });

  it('crossfades: the old slide stays under the new one for ~600 ms, without data-item', async () => {
    const content = contentOf([notice, policy], await loadTables());
    const air = airAt(content, 'gate', CHONGYANG);
    const { app } = await start(content, air.endsAt - 100);
    await until(() => app.dataset.item !== air.slide.id);
    const layers = () => app.querySelectorAll('.layer');
    expect(layers()).to.have.length(2);
    expect(app.querySelectorAll('[data-item]')).to.have.length(1);
    await until(() => layers().length === 1, 2000);
  });

  it('no crossfade under prefers-reduced-motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const content = contentOf([notice, policy], await loadTables());
      const air = airAt(content, 'gate', CHONGYANG);
      const { app } = await start(content, air.endsAt - 100);
      await until(() => app.dataset.item !== air.slide.id);
      expect(app.querySelectorAll('.layer')).to.have.length(1);
      expect(getComputedStyle(app.querySelector('.layer')!).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('under prefers-reduced-motion nothing moves between changes, lit or dark: no progress bar, no drift (the compositor idles)', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const screen = { ...GATE, hours: { on: '06:30', off: '22:00' } };
      const content = contentOf([notice, policy], await loadTables(), [screen]);
      const lit = await start(content, CHONGYANG);
      expect(lit.app.dataset.state).to.equal('on');
      expect(document.getAnimations().map((a) => (a as CSSAnimation).animationName)).to.deep.equal([]);
      unmountAll();
      const dark = await start(content, Date.parse('2026-10-18T23:05:00+08:00'));
      expect(dark.app.dataset.state).to.equal('off');
      expect(document.getAnimations().map((a) => (a as CSSAnimation).animationName)).to.deep.equal([]);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('outside the screen hours: a dim clock on black that drifts', async () => {
    const screen = { ...GATE, hours: { on: '06:30', off: '22:00' } };
    const content = contentOf([notice], await loadTables(), [screen]);
    const { app } = await start(content, Date.parse('2026-10-18T23:05:00+08:00'));
    expect(app.dataset.state).to.equal('off');
    expect(app.hasAttribute('data-item')).to.equal(false);
    const time = app.querySelector('.off time')!;
    expect(time.textContent).to.equal('23:05');
    expect(getComputedStyle(time).color).to.equal('rgb(153, 153, 153)');
    expect(getComputedStyle(time).animationName).to.equal('dy');
  });

  it('portrait screens get the portrait layout', async () => {
    const { app } = await start(contentOf([notice], await loadTables()), CHONGYANG, 'corridor');
    expect(app.hasAttribute('portrait')).to.equal(true);
    expect(live(app)!.hasAttribute('portrait')).to.equal(true);
  });

  it('landscape screens do not', async () => {
    const { app } = await start(contentOf([notice], await loadTables()), CHONGYANG, 'gate');
    expect(app.hasAttribute('portrait')).to.equal(false);
    expect(live(app)!.hasAttribute('portrait')).to.equal(false);
  });

  it('turns the pages of a long slide by the clock, each page an equal share', async () => {
    const t = await loadTables();
    const long: CompiledItem = {
      id: 'notice/long', kind: 'notice', title: '長通知', duration: 30,
      points: Array.from({ length: 14 }, (_, i) => `第${i + 1}條：社區居民請注意，這是一條很長的通知內容，用來測試分頁是否正確。`),
    };
    const content = contentOf([long], t);
    const air = airAt(content, 'gate', CHONGYANG);
    const first = await start(content, air.startsAt + 10);
    const label = () => textOf(live(first.app)!).match(/(\d+) \/ (\d+)/);
    const n = Number(label()![2]);
    expect(n).to.be.greaterThan(1);
    expect(label()![1]).to.equal('1');
    unmountAll();
    const per = (air.endsAt - air.startsAt) / n;
    const { app } = await start(content, air.startsAt + per - 300);
    const page = () => textOf(live(app)!).match(/(\d+) \/ (\d+)/)?.[1];
    expect(page()).to.equal('1');
    const bar = app.querySelector<HTMLElement>('.top .bar')!;
    expect(parseFloat(getComputedStyle(bar).animationDuration)).to.be.closeTo(per / 1000, 0.01);
    await until(() => page() === '2');
  });

  it('runs on two timers (next boundary, next minute), no intervals or frame loops, and leaves none behind', async () => {
    // The alarms' timers are counted through their seam (alarmTimers); any interval or
    // animation frame asked for meanwhile, by anyone, counts as a loop.
    const live = new Set<ReturnType<typeof setTimeout>>();
    const saved = { ...alarmTimers };
    const win = { setInterval: window.setInterval, requestAnimationFrame: window.requestAnimationFrame };
    let loops = 0;
    alarmTimers.set = (fn, ms) => {
      const id = saved.set(() => (live.delete(id), fn()), ms);
      live.add(id);
      return id;
    };
    alarmTimers.clear = (id) => (live.delete(id!), saved.clear(id));
    window.setInterval = ((...a: Parameters<typeof setInterval>) => (loops++, win.setInterval(...a))) as typeof window.setInterval;
    window.requestAnimationFrame = (cb) => (loops++, win.requestAnimationFrame.call(window, cb));
    try {
      const { app } = await start(contentOf([notice, policy], await loadTables()), CHONGYANG);
      expect(live.size).to.equal(2);
      expect(loops).to.equal(0);
      app.remove();
      expect(live.size).to.equal(0);
    } finally {
      Object.assign(alarmTimers, saved);
      Object.assign(window, win);
    }
  });

  it('unsubscribes from the source when removed', async () => {
    const { app, source } = await start(contentOf([notice], await loadTables()), CHONGYANG);
    expect(source.listeners()).to.equal(1);
    app.remove();
    expect(source.listeners()).to.equal(0);
  });

  it('asks for a screen wake lock, again when the page is visible after the lock was lost, and releases it when removed', async () => {
    // A fake Screen Wake Lock API, whether or not this browser has one: the test sees every call.
    const calls: string[] = [];
    const sentinels: { released: boolean; release(): Promise<void> }[] = [];
    let asked: () => void = () => undefined;
    const fake = {
      request: async (type: string) => {
        calls.push(type);
        const s = { released: false, release: async () => void (s.released = true) };
        sentinels.push(s);
        setTimeout(asked, 0); // after the kiosk has taken the lock (its await resumes first)
        return s;
      },
    };
    const next = () => new Promise<void>((r) => (asked = r));
    /** Lets every pending microtask run (one task later). */
    const drained = () => new Promise((r) => setTimeout(r, 0));
    Object.defineProperty(navigator, 'wakeLock', { value: fake, configurable: true });
    try {
      let first = next();
      const { app } = await start(contentOf([notice], await loadTables()), CHONGYANG);
      await first;
      expect(calls).to.deep.equal(['screen']);
      // Still held: becoming visible again asks for nothing.
      document.dispatchEvent(new Event('visibilitychange'));
      await drained();
      expect(calls).to.have.length(1);
      // Lost (the browser drops it when the page is hidden): asked for again.
      sentinels[0]!.released = true;
      first = next();
      document.dispatchEvent(new Event('visibilitychange'));
      await first;
      expect(calls).to.deep.equal(['screen', 'screen']);
      app.remove();
      expect(sentinels[1]!.released).to.equal(true);
    } finally {
      delete (navigator as { wakeLock?: unknown }).wakeLock;
    }
  });

  it('plays the frames a service worker sends (workerFrames); a slide keeps its picture when new frames change it', async () => {
    const t = await loadTables();
    const h = '0'.repeat(64);
    const withAssets = (c: ContentSet, url: string, version: string): ContentSet =>
      ({ ...c, manifest: { ...c.manifest, version, assets: [{ path: 'assets/climb.svg', hash: h, url, bytes: 0, type: 'image/svg+xml' }] } });
    const base = new URL('/', location.href);
    let content = withAssets(contentOf([ITEMS.health, notice], t), 'test/fixtures/valid/assets/climb.svg', 'v1');
    // The start of the health slide (the loop is health and notice).
    const first = airAt(content, 'gate', CHONGYANG);
    const t0 = first.slide.id === ITEMS.health.id ? first.startsAt + 1 : first.endsAt + 1;
    const clock = fakeClock(t0);
    const frames = workerFrames({ fetchFrames: (from) => Promise.resolve(framesFor(content, 'gate', from, 60)), clock, base });
    const app = await mount<KioskApp>(html`<kiosk-app .screenId=${'gate'} .clock=${clock} .frames=${frames}></kiosk-app>`);
    await until(() => app.dataset.item === ITEMS.health.id);
    await settled(app);
    const src = () => live(app)!.querySelector('img')!.getAttribute('src');
    expect(src()).to.equal(new URL('test/fixtures/valid/assets/climb.svg', base).href);
    // v2 moves the picture to another file while the slide is on air: the slide keeps its own.
    content = withAssets(content, 'content/assets/safety/fire.svg', 'v2');
    frames.refresh();
    await until(() => frames.version() === 'v2');
    live(app)!.requestUpdate();
    await settled(app);
    expect(app.dataset.item).to.equal(ITEMS.health.id);
    expect(src()).to.equal(new URL('test/fixtures/valid/assets/climb.svg', base).href);
    expect(frames.assets()('assets/climb.svg')).to.equal(new URL('content/assets/safety/fire.svg', base).href);
  });

  it('a new scene source with the same loop mid-slide keeps the slide on air (no skip, no new slide)', async () => {
    const content = contentOf([ITEMS.health, notice], await loadTables());
    const air = airAt(content, 'gate', CHONGYANG);
    // Past the first second and with less than half left: a changed loop would skip ahead here.
    const t = air.endsAt - Math.floor((air.endsAt - air.startsAt) / 3);
    const { app } = await start(content, t);
    expect(app.dataset.item).to.equal(air.slide.id);
    let changes = 0;
    app.addEventListener('kiosk-slide-change', () => changes++);
    app.frames = contentFrames(fakeSource(content), 'gate');
    await settled(app);
    expect(app.dataset.item).to.equal(air.slide.id);
    expect(changes).to.equal(0);
  });

  it('an emergency alert due at a second inside the minute goes on air then, not at the next minute', async () => {
    const t = await loadTables();
    const due = CHONGYANG + 30_000; // 09:00:30
    const drill: CompiledItem = { ...alert, id: 'alerts/drill', priority: 'emergency', when: { from: new Date(due).toISOString() } };
    const content = contentOf([notice, policy, drill], t);
    const clock = fakeClock(due - 3000);
    const frames = workerFrames({ fetchFrames: (from) => Promise.resolve(framesFor(content, 'gate', from, 60)), clock, base: new URL('/', location.href) });
    const app = await mount<KioskApp>(html`<kiosk-app .screenId=${'gate'} .clock=${clock} .frames=${frames}></kiosk-app>`);
    await until(() => app.dataset.state === 'on');
    expect(clock.now()).to.be.lessThan(due);
    expect(app.dataset.item).to.not.equal('alerts/drill');
    // The next minute is half a minute away: the alert must come on time (a test page's timers
    // may be throttled to whole seconds, hence the slack), far sooner than the minute's turn.
    await until(() => app.dataset.item === 'alerts/drill', 10_000);
    expect(clock.now() - due).to.be.lessThan(5_000);
  });
});
