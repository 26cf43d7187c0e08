/**
 * The fleet dashboard in Chromium against a real fleet server (PGlite in memory): the login
 * form, then the screens, availability and plays views. Screen names, item ids and item titles
 * carry an XSS corpus: it shows as text and never runs, even with the CSP bypassed. axe-core finds nothing on any view.
 */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Db } from '../../tools/fleet/db.ts';
import { migrate } from '../../tools/fleet/migrations.ts';
import { type RunningFleet, startFleetServer } from '../../tools/fleet/server.ts';
import { addUser } from '../../tools/fleet/sessions.ts';
import { screenToken } from '../../tools/fleet/tokens.ts';
import { beat, play, SECRET, site } from '../fleet/fixtures.ts';
import { launch } from './harness.ts';

const XSS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload="window.__xss=3">',
  "javascript:window.__xss=4//'",
  '{{constructor.constructor("window.__xss=5")()}}',
];
const PASSWORD = 'a long staff password';

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/** Every element under the page's shadow roots, by tag. */
const deepTags = (page: Page) =>
  page.evaluate(() => {
    const tags: string[] = [];
    const walk = (root: Document | ShadowRoot) =>
      root.querySelectorAll('*').forEach((el) => {
        tags.push(el.tagName.toLowerCase());
        if (el.shadowRoot) walk(el.shadowRoot);
      });
    walk(document);
    return { tags, hostile: tags.length === 0 ? 0 : [...document.scripts].filter((x) => x.textContent?.includes('__xss')).length };
  });

describe('fleet dashboard', () => {
  let db: Db;
  let fleet: RunningFleet;
  let browser: Browser;
  const dialogs: string[] = [];

  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
    await addUser(db, 'staff', PASSWORD);
    const published = site({ 'lvyuan-gate': `東門 ${XSS[0]}`, 'qingxi-corridor': XSS[1]! });
    XSS.forEach((x, i) => published.items.set(`health/xss-${i}`, { kind: 'health', title: { 'zh-Hant': `標題 ${x}`, en: x } }));
    // An item of a delegated feed, as the screens report it and published-reader.ts names it.
    published.items.set('lvyuan:notices/water', { kind: 'notice', title: { 'zh-Hant': '綠園停水通知', 'zh-Hans': '绿园停水通知' } });
    const now = Date.now();
    fleet = await startFleetServer({ db, secret: SECRET, published: () => published });
    const post = (path: string, screen: string, body: unknown) =>
      fetch(new URL(path, fleet.url), { method: 'POST', headers: { authorization: `Bearer ${screenToken(SECRET, screen)}` }, body: JSON.stringify(body) });
    const started = (k: number) => new Date(now - 3_600_000 + k * 12_000).toISOString();
    const records = [
      ...XSS.map((_, i) => play('lvyuan-gate', started(i), { item: `health/xss-${i}` })),
      play('lvyuan-gate', started(9), { item: XSS[2]! }),
      play('lvyuan-gate', started(10), { item: 'lvyuan:notices/water', kind: 'notice' }),
    ];
    expect((await post('/api/v1/records', 'lvyuan-gate', { screen: 'lvyuan-gate', records })).status).toBe(200);
    expect((await post('/api/v1/heartbeat', 'lvyuan-gate', beat('lvyuan-gate', { onAir: XSS[3]!, errors: { count: 1, last: XSS[0] }, otherScreens: 12 }))).status).toBe(200);
    expect((await post('/api/v1/heartbeat', `stray-${'x'.repeat(3)}`, beat('stray-xxx'))).status).toBe(200);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await fleet?.close();
    await db?.close();
  });

  it('logs in, shows every view with hostile names as text, never runs them, and is axe-clean', async () => {
    // CSP bypassed: axe needs an inline script, and the corpus must stay inert by rendering
    // alone (text bindings), not only because the server's CSP would block it.
    const context = await browser.newContext({ locale: 'zh-TW', bypassCSP: true });
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(new URL('/fleet/', fleet.url).toString());
    expect(new URL(page.url()).pathname).toBe('/fleet/login');
    expect(await axe(page)).toEqual([]);
    await page.fill('#name', 'staff');
    await page.fill('#password', 'wrong password');
    await page.click('button[type=submit]');
    await page.waitForSelector('[role=alert]');
    await page.fill('#name', 'staff');
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/fleet\/$/);

    const firstRow = page.locator('fleet-screens tbody tr').first();
    await firstRow.waitFor();
    expect(await page.locator('fleet-screens tbody tr').count()).toBe(3);
    expect(await page.locator('fleet-screens tr[data-screen="qingxi-corridor"] .name').textContent()).toBe(XSS[1]);
    expect(await page.locator('fleet-screens tr[data-screen="lvyuan-gate"]').textContent()).toContain(XSS[3]);
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: '播放記錄' }).click();
    await page.locator('fleet-plays tbody tr').first().waitFor();
    const plays = (await page.locator('fleet-plays tbody').textContent()) ?? '';
    for (const x of XSS) expect(plays).toContain(`標題 ${x}`);
    expect(plays).toContain(XSS[2]);
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: '開機率' }).click();
    await page.locator('fleet-availability svg rect').first().waitFor();
    expect(await axe(page)).toEqual([]);

    await page.selectOption('select', 'en');
    await page.getByRole('button', { name: 'Proof of play' }).click();
    await page.locator('fleet-plays tbody tr').first().waitFor();
    expect((await page.locator('fleet-plays tbody').textContent()) ?? '').toContain(XSS[0]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    const { tags, hostile } = await deepTags(page);
    expect(tags).not.toContain('img');
    expect(tags).not.toContain('foreignobject');
    expect(hostile).toBe(0);
    await context.close();
  });

  it('renders in zh-Hans: its words, kinds and sync results in words, a feed item\'s title, availability in numbers; axe-clean', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', bypassCSP: true });
    await context.addInitScript(() => localStorage.setItem('fleet-locale', 'zh-Hans'));
    const page = await context.newPage();
    await page.goto(new URL('/fleet/login', fleet.url).toString());
    await page.fill('#name', 'staff');
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/fleet\/$/);
    await page.locator('fleet-screens tbody tr').first().waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['zh-Hans', '科普之窗 屏幕管理']);
    expect(await page.locator('fleet-dashboard nav button').allTextContents()).toEqual(['屏幕', '开机率', '播放记录']);
    const gate = page.locator('fleet-screens tr[data-screen="lvyuan-gate"]');
    expect(await gate.locator('[data-sync]').textContent()).toBe('正常');
    expect(await gate.locator('.errors').textContent()).toContain(XSS[0]);
    expect(await gate.locator('[data-other-screens]').textContent()).toBe('12 条记录属此机以前的屏幕编号，待回到该编号时上传');
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: '播放记录' }).click();
    const water = page.locator('fleet-plays tr[data-item="lvyuan:notices/water"]');
    await water.waitFor();
    expect(await water.locator('td').first().textContent()).toContain('绿园停水通知');
    expect(await water.locator('[data-kind]').textContent()).toBe('社区通知');
    expect(await page.locator('fleet-plays tr[data-item="health/xss-0"] [data-kind]').textContent()).toBe('健康提示');
    expect(await page.locator('fleet-plays a[download]').getAttribute('href')).toMatch(/lang=zh-Hans/);
    await page.selectOption('fleet-plays select', 'kind');
    await page.getByRole('button', { name: '查看' }).click();
    await page.locator('fleet-plays tbody tr', { hasText: '社区通知' }).waitFor();
    expect(await page.locator('fleet-plays tbody').textContent()).not.toMatch(/\b(health|notice)\b/);
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: '开机率' }).click();
    const table = page.locator('fleet-availability table.days');
    await table.waitFor();
    expect(await table.locator('caption').textContent()).toBe('每日开机率（占屏幕时段的比例）');
    const row = table.locator('tr[data-screen="lvyuan-gate"]');
    expect(await row.locator('[data-month]').textContent()).toMatch(/^\d+(\.\d)?%$/);
    expect(await table.locator('thead th').first().textContent()).toBe('屏幕');
    expect(await page.locator('fleet-availability a[download]').getAttribute('href')).toMatch(/^\/fleet\/api\/availability\.csv\?from=\d{4}-\d{2}-01&to=.*&lang=zh-Hans$/);
    expect(await axe(page)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await context.close();
  });
});
