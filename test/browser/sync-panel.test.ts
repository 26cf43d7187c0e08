/**
 * The preview's line about this browser's kiosk (issue 10, item 8): times in the site's zone,
 * not the browser's (the test browser runs in UTC), and no stray "()" when an error has no detail.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { kioskStatus } from '../../src/preview/sync-panel.ts';
import { createCalendarView } from '../../src/schedule/calendar-view.ts';
import { loadTables, textOf } from './helpers.ts';

describe('preview: this browser\'s kiosk status', () => {
  it('speaks in the site zone and says an error without an empty "()"', async () => {
    const tables = await loadTables();
    const calendar = createCalendarView(tables, 'Asia/Shanghai');
    const at = Date.parse('2026-10-18T09:12:00+08:00');
    const state = { activeVersion: 'v1', lastSync: at, lastAttempt: at + 60_000, lastError: { code: 'unsigned' as const, detail: '' } };
    const el = await fixture<HTMLDivElement>(html`<div>${kioskStatus(state as never, 'v1', 'zh-Hant', calendar)}</div>`);
    const text = textOf(el);
    expect(text).to.contain('2026-10-18 09:12');
    expect(text).to.contain('2026-10-18 09:13');
    expect(text).to.contain('內容清單未簽署，已拒收，保留現有內容');
    expect(text).not.to.contain('()');
    const withDetail = await fixture<HTMLDivElement>(html`<div>${kioskStatus({ ...state, lastError: { code: 'http', detail: '503' } } as never, 'v1', 'zh-Hant', calendar)}</div>`);
    expect(textOf(withDetail)).to.contain('伺服器回應錯誤，稍後重試 (503)');
  });
});
