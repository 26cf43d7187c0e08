/**
 * A published site that a fault-injection test controls: its own copy of the app and the
 * content, versions published on demand, and a server whose answers can be broken per URL.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Manifest, ManifestPage, RootManifest } from '../../src/content/manifest.ts';
import { compileContent, manifestText, readManifest, sha256 } from '../../tools/lib/compile.ts';
import { generateContent } from '../../tools/lib/generate-content.ts';
import { signManifest } from '../../tools/lib/sign.ts';
import { type RunningServer, serveStatic } from '../../tools/lib/static-server.ts';

/** 'portal': a captive portal (hotel or shop Wi-Fi) answering every URL 200 with its HTML login page. */
export type TransportFault = 'reset' | '500' | '404' | 'truncate' | 'wrong-hash' | 'slow' | 'portal';
/** A test's own hook, not a fault: the answer waits (headers sent) until `release()`, then is whole. */
export type Fault = TransportFault | 'hold';

/** The points of a sync whose file a fault can break (see FaultSite.points). */
export const POINTS = ['manifest', 'page', 'item', 'asset', 'calendar'] as const;
export type Point = (typeof POINTS)[number];

export const START = Date.parse('2026-10-18T09:00:00+08:00');
export const INTERVAL_S = 10;
const ITEM = 'items/health/autumn/chongyang-walk.json';

export class FaultSite {
  readonly dir = mkdtempSync(join(tmpdir(), 'sw-fault-'));
  readonly site = join(this.dir, 'site');
  readonly content = join(this.dir, 'content');
  server!: RunningServer;
  /** Fault per request path ("/content/items/…"), applied until cleared. */
  readonly faults = new Map<string, Fault>();
  /** Paths whose fault breaks the first request only (then removed: the retry is answered). */
  readonly once = new Set<string>();
  /** Requests held open by 'slow', released on close. */
  private held: ServerResponse[] = [];
  /** Requests held by 'hold', answered whole by release(). */
  private holding: { res: ServerResponse; body: Buffer }[] = [];
  private onHold: (() => void)[] = [];
  signingKey: JsonWebKey | undefined;
  /** Every request resets (the site unreachable) while true. */
  down = false;
  /** Sees every request's path, before any fault. */
  observe: ((path: string) => void) | undefined;

  /** @param items a generated content set of that many items (tools/lib/generate-content.ts) instead of the sample */
  constructor(app: string, items?: number) {
    cpSync(app, this.site, { recursive: true });
    rmSync(join(this.site, 'content'), { recursive: true, force: true });
    if (items === undefined) cpSync('content', this.content, { recursive: true });
    else generateContent(this.content, items);
    // The root's own faults: the sample's delegated feeds are left out here (their faults, one
    // feed at a time beside the others: ./feed-site.ts, test/e2e/feeds.test.ts).
    const { feeds: _feeds, ...settings } = JSON.parse(readFileSync(join(this.content, 'settings.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(this.content, 'settings.json'), JSON.stringify({ ...settings, syncInterval: INTERVAL_S }));
  }

  async start(): Promise<this> {
    this.server = await serveStatic(this.site, { intercept: (req, res, path) => this.intercept(req, res, path) });
    return this;
  }

  get url(): string {
    return this.server.url;
  }

  get contentBase(): string {
    return `${this.server.url}content/`;
  }

  hits(path: string): number {
    return this.server.stats.requests.filter((r) => r.url === path).length;
  }

  /** Version A: the sample content as it is. */
  async publishA(): Promise<Manifest> {
    return this.publish([2026, 2027]);
  }

  /** Version B: one item changed, with a new picture, and a calendar for other years (built at `now`). */
  async publishB(now = START): Promise<Manifest> {
    const file = join(this.content, ITEM);
    const item = JSON.parse(readFileSync(file, 'utf8'));
    const svg = readFileSync(join(this.content, item.image), 'utf8').replace('</svg>', '<circle cx="10" cy="10" r="4" fill="#c00"/></svg>');
    writeFileSync(join(this.content, 'assets/health/climb-b.svg'), svg);
    writeFileSync(file, JSON.stringify({ ...item, title: '重陽登高 結伴而行', image: 'assets/health/climb-b.svg' }));
    return this.publish([2026, 2028], now);
  }

  /** Breaks the answers of `path` with `fault`: until cleared, or (`once`) for the first request only. */
  arm(path: string, fault: Fault, once = false): void {
    this.faults.set(path, fault);
    if (once) this.once.add(path);
    else this.once.delete(path);
  }

  clear(): void {
    this.faults.clear();
    this.once.clear();
  }

  /** Resolves once a request is held by 'hold'. */
  whenHeld(): Promise<void> {
    return this.holding.length > 0 ? Promise.resolve() : new Promise((resolve) => this.onHold.push(resolve));
  }

  /** Answers the held requests, whole. */
  release(): void {
    for (const { res, body } of this.holding.splice(0)) res.end(body);
  }

  async publish(years: [number, number], now = START): Promise<Manifest> {
    const r = await compileContent({ contentDir: this.content, outDir: join(this.site, 'content'), now, calendarYears: years, signingKey: this.signingKey });
    if (!r.ok) throw new Error(JSON.stringify(r.problems.filter((p) => p.severity === 'error')));
    return r.manifest!;
  }

  /** The published page (its entry) that lists an item id, and its entries. */
  private pageOf(m: RootManifest, id: string): { entry: RootManifest['pages'][number]; page: ManifestPage } {
    for (const entry of m.pages) {
      const page = JSON.parse(readFileSync(join(this.site, 'content', entry.url), 'utf8')) as ManifestPage;
      if (page.items.some((e) => e.id === id)) return { entry, page };
    }
    throw new Error(`no page lists ${id}`);
  }

  /**
   * The request path of each point of a sync from `before` to `m`: the manifest, and the first
   * manifest page, item, picture and calendar file that `m` has and `before` has not (absent:
   * no such file). Without `before`: B's changed files, against A. The one place that maps
   * points to paths.
   */
  points(m: Manifest, before?: Manifest): Partial<Record<Point, string>> {
    if (!before) {
      const id = ITEM.replace(/^items\//, '').replace(/\.json$/, '');
      return {
        manifest: '/content/manifest.json',
        page: `/content/${this.pageOf(m, id).entry.url}`,
        item: `/content/${m.items.find((e) => e.id === id)!.url}`,
        asset: `/content/${m.assets.find((a) => a.path === 'assets/health/climb-b.svg')!.url}`,
        calendar: `/content/${m.calendar.url}`,
      };
    }
    const pages = new Set(before.pages.map((p) => p.hash));
    const items = new Set(before.items.map((e) => e.hash));
    const assets = new Set(before.assets.map((a) => a.url));
    const page = m.pages.find((p) => !pages.has(p.hash));
    const item = m.items.find((e) => !items.has(e.hash));
    const asset = m.assets.find((a) => !assets.has(a.url));
    return {
      manifest: '/content/manifest.json',
      page: page && `/content/${page.url}`,
      item: item && `/content/${item.url}`,
      asset: asset && `/content/${asset.url}`,
      calendar: m.calendar.hash !== before.calendar.hash ? `/content/${m.calendar.url}` : undefined,
    };
  }

  /**
   * Replaces the changed item of the published manifest by `bytes` (with a matching hash, as a
   * careless publisher would) under a new version: a new page for it, and a new root.
   */
  async publishBadItem(bytes: string): Promise<Manifest> {
    const path = join(this.site, 'content/manifest.json');
    const m = readManifest(path)!;
    const id = ITEM.replace(/^items\//, '').replace(/\.json$/, '');
    const hash = sha256(bytes);
    writeFileSync(join(this.site, 'content/items', `${hash}.json`), bytes);
    const { entry, page } = this.pageOf(m, id);
    const items = page.items.map((e) => (e.id === id ? { ...e, hash, url: `items/${hash}.json`, bytes: Buffer.byteLength(bytes) } : e));
    const text = JSON.stringify({ ...page, items });
    const next = { hash: sha256(text), url: `pages/${sha256(text)}.json`, bytes: Buffer.byteLength(text) };
    writeFileSync(join(this.site, 'content', next.url), text);
    let bad: RootManifest = { ...m, pages: m.pages.map((e) => (e === entry ? next : e)), version: sha256(`bad-${hash}`) };
    if (this.signingKey) bad = await signManifest(bad, this.signingKey);
    writeFileSync(path, manifestText(bad));
    return readManifest(path)!;
  }

  writeManifest(m: RootManifest): void {
    writeFileSync(join(this.site, 'content/manifest.json'), manifestText(m));
  }

  private intercept(_req: IncomingMessage, res: ServerResponse, path: string): boolean {
    this.observe?.(path);
    if (this.down) {
      res.socket?.destroy();
      return true;
    }
    const fault = this.faults.get(path);
    if (!fault) return false;
    if (this.once.delete(path)) this.faults.delete(path);
    const body = (() => {
      try {
        return readFileSync(join(this.site, decodeURIComponent(path)));
      } catch {
        return Buffer.from('');
      }
    })();
    switch (fault) {
      case 'reset':
        res.socket?.destroy();
        return true;
      case '500':
        res.writeHead(500, { 'Cache-Control': 'no-cache' }).end('internal error');
        return true;
      case '404':
        res.writeHead(404, { 'Cache-Control': 'no-cache' }).end('not found');
        return true;
      case 'truncate':
        res.writeHead(200, { 'Content-Length': body.byteLength, 'Cache-Control': 'no-cache' });
        res.write(body.subarray(0, Math.floor(body.byteLength / 2)));
        setTimeout(() => res.socket?.destroy(), 20);
        return true;
      case 'wrong-hash': {
        const wrong = Buffer.from(body);
        const at = Math.floor(wrong.byteLength / 2);
        wrong[at] = (wrong[at] ?? 0) ^ 1;
        res.writeHead(200, { 'Content-Length': wrong.byteLength, 'Cache-Control': 'no-cache' }).end(wrong);
        return true;
      }
      case 'portal':
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' })
          .end('<!doctype html><html><body><h1>Wi-Fi 登入</h1><form><input name="phone"></form></body></html>');
        return true;
      case 'slow':
        res.writeHead(200, { 'Content-Length': body.byteLength, 'Cache-Control': 'no-cache' });
        this.held.push(res);
        return true;
      case 'hold':
        res.writeHead(200, { 'Content-Length': body.byteLength, 'Cache-Control': 'no-cache' });
        this.holding.push({ res, body });
        this.onHold.splice(0).forEach((f) => f());
        return true;
    }
  }

  async close(): Promise<void> {
    this.held.forEach((r) => r.socket?.destroy());
    this.holding.forEach((h) => h.res.socket?.destroy());
    await this.server?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
