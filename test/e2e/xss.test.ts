/**
 * An XSS corpus (issue 13, item 4) on every screen and in the preview: 0 executed.
 *
 * The content folder is the sample content/ plus hostile entries (test/fixtures/xss/corpus.ts):
 * payloads in every text field of items of every kind, in screen and place names, in the names
 * of custom observances, in item ids and in links the validator accepts. What the validator must
 * refuse (`javascript:` and `data:` links, scripted SVG posters) is refused with a located error,
 * and the rest builds. Every screen plays its whole loop at 1920×1080 and 1080×1920, page by
 * page, on the page's fake clock; the preview opens every screen in every language, with the
 * build problems, the items left out, the drafts, the timelines and every thumbnail selected.
 *
 * An execution is counted four ways: the `__xss` binding (in every frame), a dialog, a request
 * to /__xss (markup that loads something: no script needed, so it also catches text that became
 * markup where the CSP stopped a script), and CSP violations (an attempt). Besides, after every
 * step the DOM (shadow roots included) is scanned for anything the app never draws: an element
 * it does not use, an event-handler attribute, a script URL. And the payloads must be on glass
 * as text, so that the test cannot pass by showing nothing.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTables } from '../../src/calendar/tables.ts';
import { localText } from '../../src/calendar/names.ts';
import type { Locale } from '../../src/content/keys.ts';
import type { CompiledItem, LocalText } from '../../src/content/schema.ts';
import { buildPlaylist } from '../../src/schedule/playlist.ts';
import { calendarOptions, createCalendarView } from '../../src/schedule/calendar-view.ts';
import { buildTables } from '../../tools/lib/calendar-tables.ts';
import { compileContent } from '../../tools/lib/compile.ts';
import { loadPlanContent } from '../../tools/lib/plan-content.ts';
import { playScreens, storedFeeds } from './feed-site.ts';
import { type RunningServer, serveStatic } from '../../tools/lib/static-server.ts';
import {
  ACCEPTED_LINKS, AT, FIELDS, OBSERVANCES, PAYLOADS, REFUSED_LINKS, REFUSED_SVGS, SCREENS, hostileItems,
  writeAcceptedFolder, writeRefusedFolder,
} from '../fixtures/xss/corpus.ts';
import { launch } from './harness.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sw-xss-'));
const contentDir = join(tmp, 'content');
const site = join(tmp, 'site');
const VIEWPORTS = [{ width: 1920, height: 1080 }, { width: 1080, height: 1920 }];
const LANGS: Locale[] = ['zh-Hant', 'zh-Hans', 'en'];

let browser: Browser;
let server: RunningServer;
let context: BrowserContext;
let page: Page;

/** Everything that would mean a payload ran, or tried to. */
const executions: string[] = [];
const beacons: string[] = [];
const dialogs: string[] = [];
const cspViolations: string[] = [];
const consoleErrors: string[] = [];
const injected: string[] = [];
const counts = { slides: 0, pages: 0, screenRuns: 0, previewViews: 0, thumbnails: 0, listPages: 0 };
const started = performance.now();

beforeAll(async () => {
  cpSync('dist', site, { recursive: true });
  rmSync(join(site, 'content'), { recursive: true, force: true });
  writeAcceptedFolder(contentDir);
  const built = await compileContent({ contentDir, outDir: join(site, 'content'), now: Date.parse(AT), calendarYears: [2026, 2027] });
  expect(built.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(built.ok).toBe(true);
  [browser, server] = await Promise.all([launch(), serveStatic(site, {
    intercept(req, res, pathname) {
      if (!pathname.startsWith('/__xss')) return false;
      beacons.push(req.url ?? pathname);
      res.writeHead(204).end();
      return true;
    },
  })]);
  context = await browser.newContext({ viewport: VIEWPORTS[0] });
  await context.exposeBinding('__xss', ({ frame }, id: unknown) => { executions.push(`${String(id)} in ${frame.url()}`); });
  await context.exposeBinding('__cspViolation', (_source, v: unknown) => { cspViolations.push(String(v)); });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sample} at ${location.href}`);
    });
  });
  page = await context.newPage();
  page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss(); });
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  await context.clock.install({ time: Date.parse(AT) - 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
  const fields = FIELDS.length;
  console.log(`xss corpus: ${PAYLOADS.length} payloads in ${hostileItems().length} items of 6 kinds (${fields} text fields each, `
    + `plain and per-locale), ${Object.keys(SCREENS).length} screen and place names, ${OBSERVANCES.length} observance names, `
    + `${ACCEPTED_LINKS.length} accepted and ${REFUSED_LINKS.length} refused links, ${Object.keys(REFUSED_SVGS).length} refused SVG posters; `
    + `checked ${counts.screenRuns} screen runs (${counts.slides} slides, ${counts.pages} pages), ${counts.listPages} screen-list page, `
    + `${counts.previewViews} preview views (${counts.thumbnails} thumbnails selected); executions ${executions.length + dialogs.length + beacons.length}, `
    + `CSP violations ${cspViolations.length}, injected markup ${injected.length} (${Math.round((performance.now() - started) / 1000)} s)`);
});

/**
 * Scans the page (every shadow root too) for what the app never draws. Returns findings and,
 * for the slide on top of the kiosk, its words: title, paragraphs, alt texts and captions.
 */
function scan(p: Page) {
  return p.evaluate(() => {
    const TAGS = new Set([
      'kiosk-app', 'kiosk-header', 'kiosk-status', 'kiosk-health', 'kiosk-policy', 'kiosk-safety', 'kiosk-event', 'kiosk-notice',
      'kiosk-alert', 'kiosk-today', 'preview-app', 'slide-frame', 'div', 'p', 'span', 'b', 'i', 'h1', 'h2', 'img', 'figure',
      'figcaption', 'time', 'ul', 'ol', 'li', 'a', 'section', 'header', 'main', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
      'code', 'br', 'strong', 'dl', 'dt', 'dd', 'button', 'label', 'select', 'option', 'form', 'input', 'details', 'summary',
      'small', 'wbr',
    ]);
    const SCRIPT_URL = /^[\s\u0000-\u001f]*(javascript|vbscript|data:text\/html)/i;
    const found: string[] = [];
    const walk = (root: ParentNode, where: string) => {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.localName;
        // The kiosk page's own <noscript> note, straight under <body>.
        if (!TAGS.has(tag) && !(tag === 'noscript' && el.parentNode === document.body)) found.push(`<${tag}> in ${where}`);
        for (const a of el.attributes) {
          if (/^on/i.test(a.name)) found.push(`${a.name} on <${tag}> in ${where}`);
          if (/^(href|src|action|formaction|data|srcdoc|xlink:href|style|background|poster)$/i.test(a.name) && SCRIPT_URL.test(a.value)) found.push(`${a.name}="${a.value}" on <${tag}> in ${where}`);
          if (/^(srcdoc|style)$/i.test(a.name) && /__xss/.test(a.value)) found.push(`${a.name} on <${tag}> in ${where}`);
        }
        if (tag === 'img' && !/\/content\/assets\/[0-9a-f]{64}\.(svg|png|jpe?g|webp)$/.test((el as HTMLImageElement).src)) found.push(`<img src="${el.getAttribute('src')}"> in ${where}`);
        if (tag === 'a' && !/^(\.\/)?\?screen=/.test(el.getAttribute('href') ?? '')) found.push(`<a href="${el.getAttribute('href')}"> in ${where}`);
        if (tag === 'form' && !el.classList.contains('controls')) found.push(`<form> in ${where}`);
        // The preview's own date and time fields (text fields with a pattern, in the controls form).
        const field = el.classList.contains('date') || el.classList.contains('time');
        if (tag === 'input' && !(field && el.closest('form.controls') && (el as HTMLInputElement).type === 'text')) found.push(`<input> in ${where}`);
        if (el.shadowRoot) walk(el.shadowRoot, `${where} > ${tag}`);
      }
    };
    walk(document.body, location.pathname + location.search);
    if (window.frames.length > 0) found.push(`${window.frames.length} frames`);
    const top = document.querySelector('kiosk-app .layer.top');
    const slide = top ? {
      item: document.querySelector('kiosk-app')?.getAttribute('data-item') ?? '',
      h1: [...top.querySelectorAll('h1')].map((e) => e.textContent ?? ''),
      paragraphs: [...top.querySelectorAll('.fit p')].map((e) => ({ cont: e.classList.contains('cont'), text: e.textContent ?? '' })),
      alts: [...top.querySelectorAll('img')].map((e) => e.getAttribute('alt') ?? ''),
      captions: [...top.querySelectorAll('figcaption')].map((e) => e.textContent ?? ''),
      end: Number(top.querySelector('.bar')?.getAttribute('data-end') ?? NaN),
    } : undefined;
    const header = document.querySelector('kiosk-header .place')?.textContent ?? '';
    return { found, slide, header, now: Date.now() };
  });
}

type Scan = Awaited<ReturnType<typeof scan>>;

async function check(p: Page): Promise<Scan> {
  const s = await scan(p);
  injected.push(...s.found);
  return s;
}

/** The planner's loop for a screen at AT (the same modules as the app). */
async function planned() {
  // The root and the sample's feeds merged, as the screen plays them.
  const content = await loadPlanContent(contentDir, 'feeds');
  const calendar = createCalendarView(decodeTables(buildTables(2026, 2027)), content.settings.timeZone ?? 'Asia/Shanghai', calendarOptions(content.settings));
  return (screenId: string) => buildPlaylist(content.items, content.screens.find((s) => s.id === screenId)!, content.settings, Date.parse(AT), { calendar });
}

/** The words an item must show on glass, field by field (what its kind's slide draws). */
function expectedWords(item: CompiledItem, locale: Locale): { field: string; text: string; in: 'h1' | 'p' | 'alt' | 'caption' }[] {
  const t = (x: LocalText | undefined) => (x === undefined ? '' : localText(x, locale));
  const out: { field: string; text: string; in: 'h1' | 'p' | 'alt' | 'caption' }[] = [{ field: 'title', text: t(item.title), in: 'h1' }];
  if (item.summary) out.push({ field: 'summary', text: t(item.summary), in: 'p' });
  (item.points ?? []).forEach((x, i) => out.push({ field: `points[${i}]`, text: t(x), in: 'p' }));
  if (item.body) t(item.body).split(/\n+/).forEach((x, i) => out.push({ field: `body[${i}]`, text: x, in: 'p' }));
  // An event's meta lines are its time and place; every other kind names who issued it.
  if (item.source && item.kind !== 'event') out.push({ field: 'source', text: t(item.source), in: 'p' });
  if (item.event?.place) out.push({ field: 'event.place', text: t(item.event.place), in: 'p' });
  if (item.imageAlt) out.push({ field: 'imageAlt', text: t(item.imageAlt), in: 'alt' });
  // A safety poster fills the slide: no QR code beside it.
  if (item.linkLabel && item.kind !== 'safety') out.push({ field: 'linkLabel', text: t(item.linkLabel), in: 'caption' });
  return out;
}

describe('the validator', () => {
  it('refuses script links and scripted SVG posters, each with a located error, and the rest builds', async () => {
    const dir = join(tmp, 'refused');
    const entries = writeRefusedFolder(dir);
    const r = await compileContent({ contentDir: dir, outDir: join(tmp, 'refused-out'), now: Date.parse(AT), calendarYears: [2026, 2027] });
    expect(r.ok).toBe(false);
    const errors = r.problems.filter((p) => p.severity === 'error');
    for (const e of entries) {
      const hit = errors.filter((p) => p.file.endsWith(e.file));
      expect(hit.map((p) => [p.code, p.line]), e.file).toEqual([[e.code, e.line]]);
    }
    // Only the refused entries fail: without them the same folder is the one on the screens.
    expect(errors.length).toBe(entries.length);
    // The preview lists them: payloads echoed in build problems are content-derived strings too.
    writeFileSync(join(site, 'content/problems.json'), JSON.stringify({ problems: r.problems }));
  });
});

describe('every screen plays the corpus as text', () => {
  const plan = () => planned();
  let feedsIn = false;

  for (const viewport of VIEWPORTS) {
    for (const screenId of Object.keys(SCREENS)) {
      it(`${screenId} at ${viewport.width}×${viewport.height}: one whole loop, page by page`, async () => {
        const playlist = (await plan())(screenId);
        const locale = SCREENS[screenId]!.locale;
        await page.setViewportSize(viewport);
        // The page's time stands still at AT while the kiosk starts, so its clock (started at
        // ?at=AT) and the page's agree to the millisecond: the bar's page ends are page times.
        const app = page.locator('kiosk-app');
        const open = async () => {
          await context.clock.setSystemTime(Date.parse(AT) - 1_000);
          await context.clock.pauseAt(Date.parse(AT));
          await page.goto(`${server.url}?screen=${screenId}&at=${encodeURIComponent(AT)}`);
          await expect.poll(() => app.getAttribute('data-item'), { timeout: 20_000 }).not.toBeNull();
        };
        await open();
        if (!feedsIn) {
          // The first start plays the root alone until the sample's feeds are in: then start again.
          // Every screen of the corpus plays in this browser: every feed comes in.
          const plan = await loadPlanContent(contentDir, 'feeds');
          await playScreens(page, plan.screens.map((x) => x.id));
          const feeds = plan.feeds.length;
          await expect.poll(async () => Object.values((await storedFeeds(page)).feeds).filter((f) => f.version).length, { timeout: 30_000 }).toBe(feeds);
          feedsIn = true;
          await open();
        }
        counts.screenRuns++;

        const words = new Map<string, { h1: Set<string>; paragraphs: string[]; alts: Set<string>; captions: Set<string> }>();
        let s = await check(page);
        const end = s.now + playlist.totalSeconds * 1000;
        let lastItem = '';
        for (let step = 0; step < 400 && s.now < end; step++) {
          const sl = s.slide;
          if (sl) {
            counts.pages++;
            if (sl.item !== lastItem) counts.slides++;
            lastItem = sl.item;
            const w = words.get(sl.item) ?? { h1: new Set(), paragraphs: [], alts: new Set(), captions: new Set() };
            words.set(sl.item, w);
            sl.h1.forEach((x) => w.h1.add(x));
            sl.alts.forEach((x) => w.alts.add(x));
            sl.captions.forEach((x) => w.captions.add(x));
            // A paragraph continued from the page before is joined back to it.
            for (const p of sl.paragraphs) {
              if (p.cont && w.paragraphs.length > 0) w.paragraphs[w.paragraphs.length - 1] += p.text;
              else w.paragraphs.push(p.text);
            }
          }
          const next = sl && Number.isFinite(sl.end) ? sl.end : s.now + 5_000;
          await context.clock.runFor(Math.max(300, next - s.now + 300));
          s = await check(page);
        }

        // The screen's name (a payload) heads the glass, as text.
        expect(s.header).toBe(localText(SCREENS[screenId]!.name, locale));
        // Every hostile item of the loop was on glass, every field as the literal text.
        const hostile = playlist.slides.filter((x) => x.id.startsWith('xss/'));
        expect(hostile.length).toBeGreaterThanOrEqual(8);
        for (const slide of hostile) {
          const w = words.get(slide.id);
          expect(w, `${slide.id} was on glass`).toBeDefined();
          for (const e of expectedWords(slide.item!, locale)) {
            const shown = e.in === 'h1' ? [...w!.h1] : e.in === 'alt' ? [...w!.alts] : e.in === 'caption' ? [...w!.captions] : w!.paragraphs;
            expect(shown.some((x) => x.includes(e.text)), `${slide.id} ${e.field}: ${JSON.stringify(e.text)} in ${JSON.stringify(shown)}`).toBe(true);
          }
        }
        expect(executions).toEqual([]);
        expect(dialogs).toEqual([]);
        expect(beacons).toEqual([]);
        expect(injected).toEqual([]);
      });
    }
  }

  it('the screen list (an unknown screen) shows every screen name as text', async () => {
    await context.clock.resume();
    await page.goto(`${server.url}?screen=no-such-screen`);
    await expect.poll(() => page.locator('kiosk-app a').count(), { timeout: 20_000 }).toBe(Object.keys(SCREENS).length);
    counts.listPages++;
    // The detectors themselves work on this page (and are then emptied): the binding, a
    // beacon, a CSP violation (an inline handler the policy blocks), a dialog, the DOM scan.
    await page.evaluate(() => {
      (window as unknown as { __xss(id: string): void }).__xss('probe');
      void fetch('/__xss?id=probe');
      const probe = document.createElement('b');
      probe.id = 'xss-probe';
      probe.setAttribute('onclick', '__xss("probe-handler")');
      document.body.append(probe);
      probe.click();
      setTimeout(() => alert('probe'));
    });
    await context.clock.runFor(10);
    await expect.poll(() => [executions.length, beacons.length, dialogs.length, cspViolations.length > 0]).toEqual([1, 1, 1, true]);
    expect((await scan(page)).found).toEqual(['onclick on <b> in /?screen=no-such-screen']);
    await page.evaluate(() => document.getElementById('xss-probe')?.remove());
    for (const list of [executions, beacons, dialogs, cspViolations, consoleErrors]) list.length = 0;
    const names = await page.locator('kiosk-app a').allTextContents();
    expect(names.sort()).toEqual(Object.values(SCREENS).map((s) => localText(s.name, 'zh-Hant')).sort());
    await check(page);
    expect(injected).toEqual([]);
  });
});

describe('the staff preview shows the corpus as text', () => {
  /** The preview's text, shadow roots included. */
  const deepText = (p: Page) => p.evaluate(() => {
    const parts: string[] = [];
    const walk = (root: Node) => {
      for (const n of root.childNodes) {
        if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
        else if (n instanceof Element) {
          // An id broken for wrapping ("xss/<wbr>draft") reads as one word.
          if (n.localName === 'wbr') parts.push('\u200b');
          if (n.shadowRoot) walk(n.shadowRoot);
          for (const a of ['alt', 'aria-label', 'title']) if (n.hasAttribute(a)) parts.push(n.getAttribute(a)!);
          walk(n);
        }
      }
    };
    walk(document.body);
    return parts.join('\n').replace(/\n\u200b\n/g, '');
  });

  for (const screenId of Object.keys(SCREENS)) {
    it(`${screenId}: problems, calendar, loop, thumbnails, items left out, timelines, in every language`, async () => {
      const content = await loadPlanContent(contentDir, 'feeds');
      const items = new Map(content.items.map((i) => [i.id, i]));
      await context.clock.resume();
      for (const [n, lang] of LANGS.entries()) {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(`${server.url}preview.html?screen=${screenId}&at=${encodeURIComponent(AT)}&lang=${lang}`);
        const app = page.locator('preview-app');
        await app.locator('section.excluded').waitFor({ timeout: 20_000 });
        await app.locator('section.problems').waitFor({ timeout: 20_000 });
        counts.previewViews++;
        if (n === 0) {
          // Every hostile item's thumbnail into the large view (every thumbnail is drawn anyway).
          const thumbs = app.locator('.strip button', { hasText: 'xss/' });
          const count = await thumbs.count();
          expect(count).toBeGreaterThanOrEqual(9);
          for (let i = 0; i < count; i++) {
            await thumbs.nth(i).click();
            counts.thumbnails++;
          }
          await check(page);
        }
        await check(page);
        const text = await deepText(page);
        const need = [
          // Screen names in the picker, observance names in the calendar.
          ...Object.values(SCREENS).map((s) => localText(s.name, lang)),
          ...OBSERVANCES.map((o) => localText(o.name, lang)),
          // Items left out (a later one everywhere) and the draft in the loop.
          localText(items.get('xss/later')!.title, lang),
          localText(items.get('xss/draft')!.title, 'zh-Hant'),
          'xss/draft', 'xss/"><img src=x onerror=__xss(2)>',
          // A refused link echoed in the build problems.
          REFUSED_LINKS[0]!,
        ];
        if (screenId !== 'lvyuan-gate') {
          need.push(localText(items.get('xss/lvyuan-only')!.title, lang));
          // The reason names the community the item is for: its place name is a payload.
          need.push(localText(SCREENS['lvyuan-gate']!.place, lang));
        }
        for (const t of need) expect(text, `${lang}: ${JSON.stringify(t)}`).toContain(t);
      }
      expect(executions).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(beacons).toEqual([]);
      expect(injected).toEqual([]);
    });
  }
});

describe('after everything', () => {
  it('nothing ran, nothing tried to, and no markup came from the content', () => {
    expect(executions).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(beacons).toEqual([]);
    expect(injected).toEqual([]);
    // A blocked inline script or handler would be an attempt: there is none.
    expect(cspViolations).toEqual([]);
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  });
});
