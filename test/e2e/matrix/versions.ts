/**
 * The next published version, derived from the last one as the compiler would write it (one
 * content-addressed file per changed item, picture or calendar; its pages (tools/lib/pages.ts);
 * a new root, signed when the site signs, `generated` later than the last) without compiling the whole set again: a case
 * costs milliseconds, not the half second of a compile of a thousand items.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AssetEntry, ItemEntry, Manifest, RootManifest } from '../../../src/content/manifest.ts';
import { expandManifest } from '../../../src/sync/read-manifest.ts';
import { buildTables } from '../../../tools/lib/calendar-tables.ts';
import { manifestText, sha256 } from '../../../tools/lib/compile.ts';
import { makePages } from '../../../tools/lib/pages.ts';
import { signManifest } from '../../../tools/lib/sign.ts';

/** What changes from one version to the next. */
export type Change = 'every item changed' | 'item changed' | 'item added' | 'item removed' | 'picture changed' | 'item with a new picture' | 'calendar years';
export const CHANGES: readonly Change[] = ['item changed', 'item added', 'item removed', 'picture changed', 'item with a new picture', 'calendar years'];

/** Calendar year ranges in turn: three, so the one coming back was collected (kept: active and previous). */
const YEARS: [number, number][] = [[2025, 2029], [2026, 2030], [2024, 2029]];
/** The years of the first version (compiled by the real compiler). */
export const FIRST_YEARS = YEARS[0]!;

export interface Publisher {
  /** The version on the site now. */
  readonly current: Manifest;
  /** Every version published, oldest first. */
  readonly history: Manifest[];
  /** Publishes the next version with `change` (distinct each call) and returns it. */
  next(change: Change): Promise<Manifest>;
  /** Publishes the next version with one item's file replaced by `bytes` (hash matching: a careless publisher). */
  nextWithBadItem(bytes: string): Promise<Manifest>;
  /** Serves `m` (an older one: a stale mirror) without making it current. */
  serve(m: Manifest): void;
}

const enc = new TextEncoder();
let tables: Map<string, unknown> | undefined;

export function publisher(siteContent: string, first: Manifest, signingKey?: JsonWebKey): Publisher {
  const history = [first];
  let serial = 0;
  let years = 0;
  const write = (url: string, bytes: Uint8Array) => {
    mkdirSync(join(siteContent, url, '..'), { recursive: true });
    writeFileSync(join(siteContent, url), bytes);
  };
  const put = (folder: string, ext: string, bytes: Uint8Array) => {
    const hash = sha256(bytes);
    const url = `${folder}/${hash}${ext}`;
    write(url, bytes);
    return { url, hash, bytes: bytes.byteLength };
  };
  const read = new Map<string, Record<string, unknown>>();
  /** The last good JSON of each item id (an item added by a case is in no earlier version). */
  const lastGood = new Map<string, Record<string, unknown>>();
  /** An item's compiled JSON; for the publisher's broken file, the item's last good one. */
  const readItem = (e: ItemEntry): Record<string, unknown> => {
    if (!read.has(e.hash)) {
      try {
        const d = JSON.parse(readFileSync(join(siteContent, e.url), 'utf8'));
        if (typeof d !== 'object' || d === null || d.id !== e.id || typeof d.title === 'undefined') throw new Error('broken');
        read.set(e.hash, d);
        lastGood.set(e.id, d);
      } catch {
        read.set(e.hash, lastGood.get(e.id) ?? readItem(first.items.find((x) => x.id === e.id)!));
      }
    }
    return read.get(e.hash)!;
  };
  /** An item with a picture, to copy from. */
  const withPicture = (m: Manifest) => m.items.find((e) => typeof readItem(e).image === 'string')!;
  const picture = (m: Manifest, s: number): AssetEntry => {
    const base = m.assets.find((a) => a.type === 'image/svg+xml' && !a.path.startsWith('qr/'))!;
    const svg = readFileSync(join(siteContent, base.url), 'utf8')
      .replace('</svg>', `<circle cx="${10 + (s % 50)}" cy="${10 + (s % 37)}" r="4" fill="#c00"/><!-- ${s} --></svg>`);
    return { path: `assets/matrix/picture-${s}.svg`, ...put('assets', '.svg', enc.encode(svg)), type: 'image/svg+xml' };
  };
  const calendar = (m: Manifest) => {
    const [firstYear, lastYear] = YEARS[++years % YEARS.length]!;
    const words = JSON.parse(readFileSync(join(siteContent, first.calendar.url), 'utf8')) as Record<string, unknown>;
    tables ??= new Map();
    const key = `${firstYear}-${lastYear}`;
    if (!tables.has(key)) tables.set(key, buildTables(firstYear, lastYear));
    const body = enc.encode(JSON.stringify({ ...words, ...(tables.get(key) as object) }));
    return { ...m.calendar, ...put('calendar', '.json', body), firstYear, lastYear };
  };

  function derive(m: Manifest, change: Change, s: number, bad?: string): Manifest {
    let { items, assets, calendar: cal } = m;
    const itemEntry = (data: Record<string, unknown>, e: ItemEntry): ItemEntry =>
      ({ id: e.id, kind: e.kind, ...put('items', '.json', enc.encode(JSON.stringify(data))) });
    const replace = (e: ItemEntry, data: Record<string, unknown>) => (items = items.map((x) => (x === e ? itemEntry(data, e) : x)));
    switch (change) {
      case 'item changed': {
        const e = items[s % items.length]!;
        if (bad === undefined) replace(e, { ...readItem(e), title: `第 ${s} 版 ${e.id}` });
        else items = items.map((x) => (x === e ? { id: e.id, kind: e.kind, ...put('items', '.json', enc.encode(bad)) } : x));
        break;
      }
      case 'every item changed':
        for (const e of items) replace(e, { ...readItem(e), title: `第 ${s} 版 ${e.id}` });
        break;
      case 'item added':
      case 'item with a new picture': {
        const t = withPicture(m);
        const id = `matrix/n-${s}`;
        const data: Record<string, unknown> = { ...readItem(t), id, title: `新增 ${s}`, when: undefined, where: undefined };
        if (change === 'item with a new picture') {
          const a = picture(m, s);
          assets = [...assets, a];
          data.image = a.path;
        }
        items = [...items, itemEntry(JSON.parse(JSON.stringify(data)), { ...t, id })];
        break;
      }
      case 'item removed': {
        // The newest added one, or else one of the set's.
        const gone = [...items].reverse().find((x) => x.id.startsWith('matrix/')) ?? items[(s * 7) % items.length]!;
        items = items.filter((e) => e !== gone);
        break;
      }
      case 'picture changed': {
        const e = withPicture(m);
        const a = picture(m, s);
        assets = [...assets, a];
        replace(e, { ...readItem(e), image: a.path });
        break;
      }
      case 'calendar years':
        cal = calendar(m);
        break;
    }
    // Pictures no item names any more leave the manifest (as the compiler lists only those used).
    const used = new Set(items.map((e) => readItem(e)).flatMap((d) => [d.image, d.qr]));
    assets = assets.filter((a) => used.has(a.path)).sort((a, b) => (a.path < b.path ? -1 : 1));
    const byPath = new Map(assets.map((a) => [a.path, a]));
    const pages = makePages(items, (e) => {
      const d = readItem(e);
      return [d.image, d.qr].flatMap((p) => (typeof p === 'string' && byPath.has(p) ? [byPath.get(p)!] : []));
    });
    const pageList = pages.map((p) => put('pages', '.json', enc.encode(JSON.stringify(p))));
    const body = { settings: m.settings, screens: m.screens, calendar: cal, pages: pageList };
    const generated = new Date(Date.parse(m.generated) + 60_000).toISOString();
    const root: RootManifest = { format: 2, version: sha256(JSON.stringify(body)), generated, ...body };
    return expandManifest(root, pages);
  }

  const serve = (m: Manifest) => writeFileSync(join(siteContent, 'manifest.json'), manifestText(m));
  return {
    get current() { return history.at(-1)!; },
    history,
    serve,
    next: (change) => publish(change),
    nextWithBadItem: (bytes) => publish('item changed', bytes),
  };

  async function publish(change: Change, bad?: string): Promise<Manifest> {
    let m = derive(history.at(-1)!, change, ++serial, bad);
    if (signingKey) m = { ...m, signature: (await signManifest(m, signingKey)).signature };
    history.push(m);
    serve(m);
    return m;
  }
}
