/**
 * axe-core on every kind of slide and on the kiosk's own pages, with the WCAG AAA contrast rule
 * (color-contrast-enhanced, 7:1) switched on.
 */
import { expect } from '@open-wc/testing';
import { contentFrames } from '../../src/frame/content-frames.ts';
import { setViewport } from '@web/test-runner-commands';
import type { AxeResults, RunOptions } from 'axe-core';
import 'axe-core/axe.min.js';
import { html } from 'lit';
import type { Kind } from '../../src/content/keys.ts';
import '../../src/ui/kiosk-app.ts';
import type { KioskApp } from '../../src/ui/kiosk-app.ts';
import type { KioskSlide } from '../../src/ui/slide.ts';
import { slideTemplate } from '../../src/ui/slide-template.ts';
import { CHONGYANG, contentOf, fakeClock, fakeSource, GATE, ITEMS, loadTables, mount, slideData, unmountAll } from './helpers.ts';

declare global {
  interface Window {
    axe: { run(context: Element, options: RunOptions): Promise<AxeResults> };
  }
}

const OPTIONS: RunOptions = { rules: { 'color-contrast-enhanced': { enabled: true } } };

async function violations(el: Element): Promise<string[]> {
  const r = await window.axe.run(el, OPTIONS);
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('; ')}`);
}

describe('accessibility (axe-core, WCAG AAA contrast)', function () {
  this.timeout(60_000);
  afterEach(unmountAll);
  after(() => setViewport({ width: 800, height: 600 }));

  it('the contrast rule is on: 6:1 text fails it', async () => {
    const el = await mount<HTMLElement>(html`<div><p>灰色文字</p></div>`);
    el.style.setProperty('background', '#000');
    el.querySelector('p')!.style.setProperty('color', '#888');
    const v = await violations(el);
    expect(v).to.have.length(1);
    expect(v[0]).to.match(/^color-contrast-enhanced/);
  });

  for (const portrait of [false, true]) {
    const kinds: (Kind | 'today')[] = ['health', 'policy', 'safety', 'event', 'notice', 'alert', 'today'];
    for (const kind of kinds) {
      it(`${kind} slide, ${portrait ? 'portrait' : 'landscape'}: 0 violations`, async () => {
        await setViewport(portrait ? { width: 1080, height: 1920 } : { width: 1920, height: 1080 });
        const d = await slideData(kind === 'today' ? undefined : ITEMS[kind], { portrait });
        if (kind === 'event') d.slide.countdown = { state: 'upcoming', days: 3 };
        const el = await mount<KioskSlide>(slideTemplate(d, 0, true));
        expect(await violations(el)).to.deep.equal([]);
      });
    }
  }

  it('the kiosk with its header, the screen list, the loading page and the dim clock: 0 violations', async () => {
    await setViewport({ width: 1920, height: 1080 });
    const t = await loadTables();
    const hours = { ...GATE, id: 'night', hours: { on: '06:30', off: '08:00' } };
    for (const [screenId, content] of [['gate', contentOf([ITEMS.notice], t)], ['nope', contentOf([], t)], ['gate', undefined], ['night', contentOf([], t, [hours])]] as const) {
      const app = await mount<KioskApp>(html`<kiosk-app .screenId=${screenId} .clock=${fakeClock(CHONGYANG)} .frames=${contentFrames(fakeSource(content), screenId)}></kiosk-app>`);
      await app.querySelector<KioskSlide>('[data-item]')?.updateComplete;
      await new Promise((r) => setTimeout(r, 700)); // past the fade-in
      expect(await violations(app), `${screenId} ${app.dataset.state}`).to.deep.equal([]);
      unmountAll();
    }
  });
});
