/**
 * The content compiler: content/ → dist/content/.
 *
 *   manifest.json             the only mutable file (the root, minified): version, settings,
 *                             screens, calendar and the pages, each by its sha256
 *   pages/<sha256>.json       the item and asset entries, paged by item id (./pages.ts), immutable
 *   items/<sha256>.json       one per item, immutable
 *   assets/<sha256>.<ext>     pictures, posters, films and QR codes, immutable
 *   calendar/<sha256>.json    the calendar tables for the years screens need, immutable
 *
 * Deterministic: the same content (and calendar years) gives byte-identical files; `generated`
 * is kept from the previous manifest when the version has not changed. With any error nothing
 * under the output folder changes, so the last published content stays on the screens.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';
import QRCode from 'qrcode';
import * as v from 'valibot';
import {
  type AssetEntry, type ItemEntry, type Manifest, type ManifestPage, type RootManifest, RootManifestSchema, rootOf,
} from '../../src/content/manifest.ts';
import type { Problem } from '../../src/content/problem.ts';
import type { CompiledItem } from '../../src/content/schema.ts';
import { buildTables, calendarWords } from './calendar-tables.ts';
import { loadContentWithFilms } from './films.ts';
import type { FeedContext } from './cross-checks.ts';
import { makePages } from './pages.ts';
import { signManifest } from './sign.ts';
import { expandManifest, readPage } from '../../src/sync/read-manifest.ts';
import { localeOf } from '../../src/content/defaults.ts';

export interface CompileOptions {
  contentDir: string;
  outDir: string;
  /** The build instant (ms); only used for `generated` and the calendar years. */
  now: number;
  /** Calendar years shipped to the screens; default: the build year − 1 to + 10. */
  calendarYears?: [number, number];
  /** Ed25519 private JWK: sign the manifest (see docs/deploy.md, "Signed manifests"). */
  signingKey?: JsonWebKey;
  /** Compile the folder as this feed of the root (./feeds.ts): scope-checked, the root's settings. */
  feed?: FeedContext;
}

export interface CompileResult {
  ok: boolean;
  problems: Problem[];
  /** The published root with its pages' entries (see src/content/manifest.ts). */
  manifest?: Manifest;
  /** Files written by this build (already present, intact ones are not rewritten). */
  written: string[];
  /** Files removed: referenced by neither this manifest nor the one before it. */
  removed: string[];
}

const TYPES: Record<string, string> = {
  '.mp4': 'video/mp4', '.webm': 'video/webm', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.svg': 'image/svg+xml',
};

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

class Output {
  readonly files = new Map<string, Uint8Array>();
  /** Adds a content-addressed file and returns its url relative to the manifest. */
  put(folder: string, ext: string, data: Uint8Array): { url: string; hash: string; bytes: number } {
    const hash = sha256(data);
    const url = `${folder}/${hash}${ext}`;
    this.files.set(url, data);
    return { url, hash, bytes: data.byteLength };
  }
}

/** QR codes drawn at build time, so that no QR encoder ships to the screen. */
export async function qrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}

const enc = new TextEncoder();

export interface BuiltOutput {
  ok: boolean;
  problems: Problem[];
  /** The root with its pages' entries (unsigned). */
  manifest?: Manifest;
  /** The root as published (unsigned): manifest.json. */
  root?: RootManifest;
  /** Content-addressed files by url (relative to the manifest), manifest.json excluded. */
  files: Map<string, Uint8Array>;
}

/**
 * Validates and compiles a content folder in memory. `previous` (the manifest published last)
 * only lends its `generated` when the version is unchanged.
 */
export async function buildOutput(
  opts: Omit<CompileOptions, 'outDir'>,
  previous?: Pick<RootManifest, 'version' | 'generated'>,
): Promise<BuiltOutput> {
  const content = await loadContentWithFilms(opts.contentDir, { now: opts.now, ...(opts.feed ? { feed: opts.feed } : {}) });
  const problems = content.problems;
  const out = new Output();
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems, files: out.files };

  const assets = new Map<string, AssetEntry>();
  const addAsset = (path: string, data: Uint8Array, type: string) => {
    if (!assets.has(path)) assets.set(path, { path, ...out.put('assets', extname(path).toLowerCase(), data), type });
  };

  const items: ItemEntry[] = [];
  /** The asset paths of each item entry (its picture, its QR code), for its page. */
  const uses = new Map<ItemEntry, string[]>();
  for (const item of content.items) {
    const published: CompiledItem = { ...item };
    const paths: string[] = [];
    // Pictures, posters and films: content-addressed assets listed in the item's page.
    for (const key of ['image', 'poster', 'video'] as const) {
      const given = item[key];
      if (!given) continue;
      const path = normalize(given).split('\\').join('/');
      addAsset(path, readFileSync(join(opts.contentDir, path)), TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream');
      published[key] = path;
      paths.push(path);
    }
    if (item.link) {
      const path = `qr/${sha256(item.link).slice(0, 20)}.svg`;
      addAsset(path, enc.encode(await qrSvg(item.link)), 'image/svg+xml');
      published.qr = path;
      paths.push(path);
    }
    const file = out.put('items', '.json', enc.encode(JSON.stringify(published)));
    const entry: ItemEntry = { id: item.id, kind: item.kind, ...file };
    items.push(entry);
    uses.set(entry, paths);
  }

  const year = new Date(opts.now).getUTCFullYear();
  const [firstYear, lastYear] = opts.calendarYears ?? [year - 1, year + 10];
  // The words of the locales the screens use travel with the tables (the screen has no name lists).
  const locales = new Set([localeOf(content.settings), ...content.screens.map((s) => localeOf(content.settings, s))]);
  const tables = { ...buildTables(firstYear, lastYear), ...calendarWords(locales) };
  const calendar = { ...out.put('calendar', '.json', enc.encode(JSON.stringify(tables))), firstYear, lastYear };

  const { $schema: _s, ...settings } = content.settings;
  const screens = content.screens.map(({ $schema: _, ...screen }) => screen);
  const pages = makePages(items, (e) => (uses.get(e) ?? []).map((p) => assets.get(p)!));
  const pageList = pages.map((p) => out.put('pages', '.json', enc.encode(JSON.stringify(p))));
  const body = { settings, screens, calendar, pages: pageList };
  const version = sha256(JSON.stringify(body));
  const generated = previous?.version === version ? previous.generated : new Date(opts.now).toISOString();
  const root: RootManifest = { format: 2, version, generated, ...body };
  return { ok: true, problems, root, manifest: expandManifest(root, pages), files: out.files };
}

/** The manifest file's text, as published: the root only (of an expanded manifest too), minified. */
export function manifestText(manifest: RootManifest): string {
  return `${JSON.stringify(rootOf(manifest))}\n`;
}

/** Compiles to disk: new files first, the manifest last (atomically), then prunes. */
export async function compileContent(opts: CompileOptions): Promise<CompileResult> {
  const manifestPath = join(opts.outDir, 'manifest.json');
  const previous = readManifest(manifestPath);
  const built = await buildOutput(opts, previous);
  if (!built.ok || !built.manifest || !built.root) return { ok: false, problems: built.problems, written: [], removed: [] };
  const root = opts.signingKey ? await signManifest(built.root, opts.signingKey) : built.root;
  const manifest: Manifest = { ...root, items: built.manifest.items, assets: built.manifest.assets };

  const written: string[] = [];
  for (const [url, data] of built.files) {
    const abs = join(opts.outDir, url);
    // A file damaged on disk (truncated, flipped) under its right name is written again.
    if (existsSync(abs) && Buffer.from(data).equals(readFileSync(abs))) continue;
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(`${abs}.tmp`, data);
    renameSync(`${abs}.tmp`, abs);
    written.push(url);
  }
  const text = manifestText(manifest);
  if (!previous || !existsSync(manifestPath) || readFileSync(manifestPath, 'utf8') !== text) {
    writeFileSync(`${manifestPath}.tmp`, text);
    renameSync(`${manifestPath}.tmp`, manifestPath);
    written.push('manifest.json');
  }
  const removed = prune(opts.outDir, [manifest, previous]);
  return { ok: true, problems: built.problems, manifest, written, removed };
}

/**
 * The manifest published last with its pages (read beside it and checked against their
 * sha256), or undefined when there is none or it is damaged (not JSON, `1`, `[]`, a missing
 * member, a missing, changed or invalid page, an older format…): a damaged one is treated as
 * absent, as the screens treat it.
 */
export function readManifest(path: string): Manifest | undefined {
  try {
    const r = v.safeParse(RootManifestSchema, JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path))));
    if (!r.success) return undefined;
    const pages: ManifestPage[] = [];
    for (const e of r.output.pages) {
      const bytes = readFileSync(join(dirname(path), e.url));
      if (bytes.byteLength !== e.bytes || sha256(bytes) !== e.hash) return undefined;
      pages.push(readPage(bytes, e.url));
    }
    return expandManifest(r.output, pages);
  } catch {
    return undefined;
  }
}

/** Removes content-addressed files that none of the kept manifests references. */
function prune(outDir: string, keep: (Manifest | undefined)[]): string[] {
  const live = new Set<string>();
  for (const m of keep) {
    if (!m) continue;
    live.add(m.calendar.url);
    m.pages.forEach((e) => live.add(e.url));
    m.items.forEach((e) => live.add(e.url));
    m.assets.forEach((e) => live.add(e.url));
  }
  const removed: string[] = [];
  for (const folder of ['pages', 'items', 'assets', 'calendar']) {
    const dir = join(outDir, folder);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) {
      const url = `${folder}/${f}`;
      if (!live.has(url)) {
        rmSync(join(dir, f));
        removed.push(url);
      }
    }
  }
  return removed;
}
