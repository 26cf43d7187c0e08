import { expect, fixture, html } from '@open-wc/testing';
import { createStatus } from '../../src/bridge/sync-status.ts';
import '../../src/ui/kiosk-status.ts';
import type { KioskStatus } from '../../src/ui/kiosk-status.ts';
import type { AxeResults, RunOptions } from 'axe-core';
import 'axe-core/axe.min.js';

declare const axe: { run(context: Element, options: RunOptions): Promise<AxeResults> };

const V = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';

describe('<kiosk-status>', () => {
  it('shows offline, updating and updated-at (in the settings zone) with the version, as the status changes', async () => {
    const status = createStatus({ state: 'offline', activeVersion: V });
    const el = await fixture<KioskStatus>(html`<kiosk-status .status=${status} .locale=${'zh-Hant'} .timeZone=${'Asia/Shanghai'}></kiosk-status>`);
    expect(el.textContent).to.contain('離線播放');
    expect(el.textContent).to.contain('a1b2c3');
    expect(el.dataset.syncState).to.equal('offline');
    status.set({ state: 'syncing' });
    await el.updateComplete;
    expect(el.textContent).to.contain('更新中');
    status.set({ state: 'idle', lastSync: Date.parse('2026-10-18T09:12:00+08:00') });
    await el.updateComplete;
    expect(el.textContent).to.contain('已更新 09:12');
    expect(el.dataset.version).to.equal(V);
  });

  it('carries the next planned sync as data-next-attempt, and none while a sync runs', async () => {
    const next = Date.parse('2026-10-18T09:10:00+08:00');
    const status = createStatus({ state: 'idle', nextAttempt: next });
    const el = await fixture<KioskStatus>(html`<kiosk-status .status=${status}></kiosk-status>`);
    expect(el.dataset.nextAttempt).to.equal('2026-10-18T01:10:00.000Z');
    status.set({ state: 'syncing', nextAttempt: undefined });
    await el.updateComplete;
    expect(el.hasAttribute('data-next-attempt')).to.equal(false);
    status.set({ state: 'error', nextAttempt: next + 5_000 });
    await el.updateComplete;
    expect(el.dataset.nextAttempt).to.equal('2026-10-18T01:10:05.000Z');
  });

  it('says why content was refused for its signature, in the screen\'s language (issue 10, item 8)', async () => {
    const status = createStatus({ state: 'error', activeVersion: V, lastError: { code: 'bad-signature', detail: '' } });
    const wrap = await fixture<HTMLDivElement>(html`<div lang="zh-Hant"><kiosk-status .status=${status}></kiosk-status></div>`);
    const el = wrap.querySelector('kiosk-status')!;
    await el.updateComplete;
    const after = () => getComputedStyle(el, '::after').content;
    expect(el.dataset.error).to.equal('bad-signature');
    expect(after()).to.contain('簽署無效');
    status.set({ lastError: { code: 'unsigned', detail: '' } });
    await el.updateComplete;
    expect(after()).to.contain('未簽署');
    status.set({ lastError: { code: 'replayed', detail: '' } });
    await el.updateComplete;
    expect(after()).to.contain('舊版');
    wrap.lang = 'en';
    expect(after()).to.contain('older content refused');
    // Any other error, or none: no words of refusal.
    status.set({ lastError: { code: 'http', detail: '503' } });
    await el.updateComplete;
    expect(after()).to.equal('none');
    status.set({ state: 'idle', lastError: undefined });
    await el.updateComplete;
    expect(el.dataset.error).to.equal('');
    expect(after()).to.equal('none');
  });

  it('stops listening when removed', async () => {
    const status = createStatus({ state: 'idle' });
    const el = await fixture<KioskStatus>(html`<kiosk-status .status=${status} .locale=${'en'}></kiosk-status>`);
    el.remove();
    status.set({ state: 'offline' });
    await el.updateComplete;
    expect(el.textContent).to.contain('Updated');
  });

  it('has text contrast of at least 7:1 (WCAG AAA)', async () => {
    const status = createStatus({ state: 'idle', lastSync: 0, activeVersion: V });
    const el = await fixture<KioskStatus>(html`<div style="background:#0b3d2e;position:relative;width:400px;height:100px"><kiosk-status .status=${status}></kiosk-status></div>`);
    const r = await axe.run(el, { runOnly: ['color-contrast-enhanced'] });
    expect(r.violations.map((v) => v.id)).to.deep.equal([]);
  });
});
