/**
 * A published site with three delegated feeds for e2e tests: the app of `app` (dist/), the
 * feed world of test/fixtures/feeds/feed-world.ts compiled into it (content/ and feeds/<id>/),
 * and FaultSite's server, whose answers can be broken per path ("/feeds/lvyuan/manifest.json").
 * Each feed's published manifests are kept, to serve an older one again (a replay).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Manifest, ManifestPage, RootManifest } from '../../src/content/manifest.ts';
import { compileContent, manifestText, readManifest, sha256 } from '../../tools/lib/compile.ts';
import { buildFeeds, feedContext } from '../../tools/lib/feeds.ts';
import { signManifest } from '../../tools/lib/sign.ts';
import { type FeedId, FEED_IDS, type FeedWorld, makeFeedWorld } from '../fixtures/feeds/feed-world.ts';
import { FaultSite, INTERVAL_S, type Point } from './fault-site.ts';

export class FeedSite extends FaultSite {
  world!: FeedWorld;
  root!: Manifest;
  /** Each feed's manifest.json texts as published, oldest first. */
  readonly published = new Map<FeedId, string[]>(FEED_IDS.map((id) => [id, []]));

  static async create(app = 'dist'): Promise<FeedSite> {
    const site = new FeedSite(app);
    rmSync(join(site.site, 'feeds'), { recursive: true, force: true });
    site.world = await makeFeedWorld(join(site.dir, 'world'), { syncInterval: INTERVAL_S });
    return site;
  }

  manifestPath(feed: FeedId): string {
    return join(this.site, 'feeds', feed, 'manifest.json');
  }

  /** Compiles the root and every feed at `now` (their `generated`); throws on any error. */
  async publishAll(now: number): Promise<void> {
    const { root, feeds } = await this.world.publish(this.site, now);
    const bad = feeds.find((f) => f.outcome !== 'built');
    if (bad) throw new Error(`feed ${bad.id}: ${JSON.stringify(bad.problems.filter((p) => p.severity === 'error'))}`);
    this.root = root;
    for (const id of FEED_IDS) this.published.get(id)!.push(readFileSync(this.manifestPath(id), 'utf8'));
  }

  /**
   * The feed's manifest changed on the server without its key: the old signature over new words
   * (another version named; its build time left alone, so the next honest build is newer).
   */
  tamper(feed: FeedId): void {
    const m = JSON.parse(readFileSync(this.manifestPath(feed), 'utf8')) as { version: string };
    m.version = `${m.version.slice(0, -1)}${m.version.endsWith('0') ? '1' : '0'}`;
    writeFileSync(this.manifestPath(feed), `${JSON.stringify(m)}\n`);
  }

  /** Serves the feed's first published manifest again (validly signed, older than any since). */
  replay(feed: FeedId): void {
    writeFileSync(this.manifestPath(feed), this.published.get(feed)![0]!);
  }

  /**
   * A community publishing past its scope with its own key (its own tools, not ours): the feed's
   * folder compiled as if its scope were the whole district with every priority, and signed.
   */
  async forge(feed: FeedId, now: number): Promise<void> {
    const d = this.root.settings.feeds!.find((f) => f.id === feed)!;
    const wide = { ...d, scope: { places: [['xuanwu']], priorities: ['normal', 'high', 'emergency'] as ('normal' | 'high' | 'emergency')[] } };
    const r = await compileContent({
      contentDir: join(this.world.feeds, feed), outDir: join(this.site, 'feeds', feed), now, calendarYears: [2026, 2027],
      signingKey: this.world.keys[feed], feed: feedContext(this.root, wide),
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems.filter((p) => p.severity === 'error')));
    this.published.get(feed)!.push(readFileSync(this.manifestPath(feed), 'utf8'));
  }

  /**
   * Compiles one feed alone at `now` (a community publishing on its own), with the calendar
   * years given (a feed's manifest names a calendar file too; the root's calendar rules).
   */
  async publishFeed(feed: FeedId, now: number, years: [number, number] = [2026, 2027]): Promise<Manifest> {
    const [b] = await buildFeeds({
      root: this.root, feedsDir: this.world.feeds, outDir: join(this.site, 'feeds'), now, calendarYears: years, only: feed,
      signingKey: (id) => this.world.keys[id as FeedId],
    });
    if (b?.outcome !== 'built') throw new Error(`feed ${feed}: ${JSON.stringify(b?.problems.filter((p) => p.severity === 'error'))}`);
    this.published.get(feed)!.push(readFileSync(this.manifestPath(feed), 'utf8'));
    return b.manifest!;
  }

  /** The feed's published manifest, expanded with its pages. */
  feedManifest(feed: FeedId): Manifest {
    return readManifest(this.manifestPath(feed))!;
  }

  /** Serves `text` as the feed's manifest.json (an older one: a stale mirror; a broken one). */
  serveFeed(feed: FeedId, text: string): void {
    writeFileSync(this.manifestPath(feed), text);
  }

  /** Serves the feed's manifest changed by `change` and signed with `key` (default the feed's own; null: unsigned). */
  async serveFeedSigned(feed: FeedId, change: (m: RootManifest) => RootManifest, key: JsonWebKey | null = this.world.keys[feed]): Promise<RootManifest> {
    const { signature: _, ...m } = change(JSON.parse(readFileSync(this.manifestPath(feed), 'utf8')) as RootManifest);
    const out: RootManifest = key ? await signManifest(m, key) : m;
    this.serveFeed(feed, manifestText(out));
    return out;
  }

  /**
   * The request path of each point of feed `feed`'s sync from `before` to `m`: its manifest,
   * the first item, picture and calendar file that `m` has and `before` has not, and the page
   * that lists that item (absent: no such file). (Not any new page: as items move between
   * pages, a page of an older set can come back, and the screen may still hold it.)
   */
  feedPoints(feed: FeedId, m: Manifest, before: Manifest): Partial<Record<Point, string>> {
    const at = (url: string | undefined) => url && `/feeds/${feed}/${url}`;
    const items = new Set(before.items.map((e) => e.hash));
    const assets = new Set(before.assets.map((a) => a.url));
    const item = m.items.find((e) => !items.has(e.hash));
    const pageOf = (url: string) => JSON.parse(readFileSync(join(this.site, 'feeds', feed, url), 'utf8')) as ManifestPage;
    const page = item && m.pages.find((p) => pageOf(p.url).items.some((e) => e.hash === item.hash));
    return {
      manifest: `/feeds/${feed}/manifest.json`,
      page: at(before.pages.some((p) => p.hash === page?.hash) ? undefined : page?.url),
      item: at(item?.url),
      asset: at(m.assets.find((a) => !assets.has(a.url))?.url),
      calendar: m.calendar.hash !== before.calendar.hash ? at(m.calendar.url) : undefined,
    };
  }

  /**
   * A careless feed publisher: the feed's published item `id` replaced by `bytes` (its hash
   * matching), on a new page under a new version built at `now`, signed with the feed's key.
   */
  async publishBadFeedItem(feed: FeedId, id: string, bytes: string, now: number): Promise<RootManifest> {
    const dir = join(this.site, 'feeds', feed);
    const m = JSON.parse(readFileSync(this.manifestPath(feed), 'utf8')) as RootManifest;
    const hash = sha256(bytes);
    writeFileSync(join(dir, 'items', `${hash}.json`), bytes);
    const entry = m.pages.find((e) => (JSON.parse(readFileSync(join(dir, e.url), 'utf8')) as ManifestPage).items.some((i) => i.id === id));
    if (!entry) throw new Error(`no page of ${feed} lists ${id}`);
    const page = JSON.parse(readFileSync(join(dir, entry.url), 'utf8')) as ManifestPage;
    const text = JSON.stringify({ ...page, items: page.items.map((e) => (e.id === id ? { ...e, hash, url: `items/${hash}.json`, bytes: Buffer.byteLength(bytes) } : e)) });
    const next = { hash: sha256(text), url: `pages/${sha256(text)}.json`, bytes: Buffer.byteLength(text) };
    writeFileSync(join(dir, next.url), text);
    const { signature: _, ...unsigned } = m;
    const bad = await signManifest({
      ...unsigned, pages: m.pages.map((e) => (e === entry ? next : e)), version: sha256(`bad-${hash}`), generated: new Date(now).toISOString(),
    }, this.world.keys[feed]);
    this.serveFeed(feed, manifestText(bad));
    this.published.get(feed)!.push(manifestText(bad));
    return bad;
  }

  /** The root's and each feed's published version now. */
  versions(): Record<'root' | FeedId, string> {
    const v = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
    return {
      root: v(join(this.site, 'content', 'manifest.json')),
      ...Object.fromEntries(FEED_IDS.map((id) => [id, v(this.manifestPath(id))])),
    } as Record<'root' | FeedId, string>;
  }
}

/** The kiosk's stored versions and last errors, the root's and each feed's (read inside the page). */
/** The sample's screens (content/screens/). */
export const SAMPLE_SCREENS = ['lvyuan-gate', 'qingxi-corridor', 'yingshijie-lobby'] as const;

/**
 * Tells the kiosk's worker that this box plays `screens` (as their pages' requests for frames
 * would: it syncs only the feeds its screens play, src/sync/played-screens.ts), then runs a
 * sync and waits for it: the feeds of every one of them come in. Needs the worker in control.
 */
export async function playScreens(page: Page, screens: readonly string[]): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 });
  await page.evaluate(async (ids) => {
    const ask = (message: object) => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => resolve(e.data);
      navigator.serviceWorker.controller!.postMessage(message, [channel.port2]);
    });
    for (const screen of ids) await ask({ type: 'frames', screen, from: Date.now(), minutes: 1 });
    // Twice: a run already under way (it chose its feeds before) answers the first.
    await ask({ type: 'sync' });
    await ask({ type: 'sync' });
  }, screens);
}

export function storedFeeds(page: Page): Promise<{ root?: string; feeds: Record<string, { version?: string; error?: string }> }> {
  return page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('science-window');
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve({ feeds: {} });
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('feeds')) {
        db.close();
        resolve({ feeds: {} });
        return;
      }
      const t = db.transaction(['state', 'feeds']);
      const root = t.objectStore('state').get('sync');
      const keys = t.objectStore('feeds').getAllKeys();
      const values = t.objectStore('feeds').getAll();
      t.oncomplete = () => {
        db.close();
        type S = { activeVersion?: string; lastError?: { code: string } };
        const feeds: Record<string, { version?: string; error?: string }> = {};
        (keys.result as string[]).forEach((k, i) => {
          const s = (values.result as S[])[i]!;
          feeds[k] = { version: s.activeVersion, error: s.lastError?.code };
        });
        resolve({ root: (root.result as S | undefined)?.activeVersion, feeds });
      };
    };
  }));
}

/** One source's active set on the screen: its version, what it references but the screen lacks, and its items held. */
export interface HeldSet {
  version: string | undefined;
  /** Pages, items (but those recorded as skipped), calendar and pictures not held (empty: whole). */
  missing: string[];
  items: number;
  skipped: string[];
}

/**
 * The root's and each feed's active set as the kiosk holds it, read inside the page: every
 * page, item (but those skipped as invalid), calendar and picture that set references is held
 * (items and calendars in IndexedDB, pages and pictures in the content cache, by their URL
 * under the root's `content/` or the feed's `feeds/<id>/`).
 */
export function heldSets(page: Page, siteUrl: string): Promise<Record<string, HeldSet>> {
  return page.evaluate(async (site) => {
    const req = <T>(r: IDBRequest<T>) => new Promise<T>((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const open = indexedDB.open('science-window');
    open.onupgradeneeded = () => open.transaction?.abort();
    const db = await req(open);
    type Rec = {
      manifest: { pages: { url: string }[]; items: { id: string; hash: string }[]; calendar: { hash: string }; assets: { url: string }[] };
      skipped: { id: string; hash: string }[];
    };
    try {
      const t = db.transaction(['state', 'feeds', 'manifests', 'items', 'calendars']);
      const sources: [string, string | undefined, string][] = [
        ['root', ((await req(t.objectStore('state').get('sync'))) as { activeVersion?: string } | undefined)?.activeVersion, `${site}content/`],
      ];
      const ids = (await req(t.objectStore('feeds').getAllKeys())) as string[];
      const states = (await req(t.objectStore('feeds').getAll())) as { activeVersion?: string }[];
      ids.forEach((id, i) => sources.push([id, states[i]!.activeVersion, `${site}feeds/${id}/`]));
      const storedItems = new Set(await req(t.objectStore('items').getAllKeys()));
      const recs = await Promise.all(sources.map(([, v]) => (v ? req(t.objectStore('manifests').get(v)) as Promise<Rec | undefined> : undefined)));
      const calendars = await Promise.all(recs.map((r) => (r ? req(t.objectStore('calendars').getKey(r.manifest.calendar.hash)) : undefined)));
      const cached = new Set((await (await caches.open('science-window-content')).keys()).map((r) => r.url));
      const out: Record<string, { version: string | undefined; missing: string[]; items: number; skipped: string[] }> = {};
      sources.forEach(([id, version, base], i) => {
        const rec = recs[i];
        if (!rec) return void (out[id] = { version, missing: [version ? 'its manifest record' : 'no active set'], items: 0, skipped: [] });
        const skipped = new Set(rec.skipped.map((s) => s.hash));
        const missing: string[] = [];
        let items = 0;
        for (const e of rec.manifest.items) {
          if (skipped.has(e.hash)) continue;
          if (storedItems.has(e.hash)) items++;
          else missing.push(`item ${e.id}`);
        }
        if (calendars[i] === undefined) missing.push('calendar');
        for (const f of [...rec.manifest.pages, ...rec.manifest.assets]) if (!cached.has(new URL(f.url, base).href)) missing.push(f.url);
        out[id] = { version, missing, items, skipped: rec.skipped.map((s) => s.id) };
      });
      return out;
    } finally {
      db.close();
    }
  }, siteUrl);
}
