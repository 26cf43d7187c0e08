/**
 * A published site with three delegated feeds for e2e tests: the app of `app` (dist/), the
 * feed world of test/fixtures/feeds/feed-world.ts compiled into it (content/ and feeds/<id>/),
 * and FaultSite's server, whose answers can be broken per path ("/feeds/lvyuan/manifest.json").
 * Each feed's published manifests are kept, to serve an older one again (a replay).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Manifest } from '../../src/content/manifest.ts';
import { compileContent } from '../../tools/lib/compile.ts';
import { feedContext } from '../../tools/lib/feeds.ts';
import { type FeedId, FEED_IDS, type FeedWorld, makeFeedWorld } from '../fixtures/feeds/feed-world.ts';
import { FaultSite, INTERVAL_S } from './fault-site.ts';

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
