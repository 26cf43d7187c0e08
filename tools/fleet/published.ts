/**
 * What the fleet server reads of the published content: the root manifest's `settings` and
 * `screens` (screen names and hours, time zone, beat interval), its version, and the items'
 * kinds and titles (from the root's `items`, format 1, or from the pages it names, format 2). The one place that knows the manifest's shape:
 * when the manifest changes, only this file does.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalText, ScreenHours } from '../../src/content/schema.ts';

export interface PublishedScreen {
  id: string;
  name: LocalText;
  hours: ScreenHours | undefined;
}

export interface Published {
  /** The latest published content version, or null when nothing is published. */
  version: string | null;
  timeZone: string;
  /** Seconds between two beats of a screen (settings.fleet.heartbeat, default 300). */
  beatSeconds: number;
  screens: PublishedScreen[];
  items: Map<string, { kind: string; title: LocalText | undefined }>;
}

export const EMPTY: Published = { version: null, timeZone: 'Asia/Shanghai', beatSeconds: 300, screens: [], items: new Map() };

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A content-addressed JSON file of the published set, or undefined. */
function readContentJson(contentDir: string, url: unknown): Json | undefined {
  if (typeof url !== 'string' || !/^[a-z]+\/[0-9a-f]{64}\.json$/.test(url)) return undefined;
  try {
    const json = JSON.parse(readFileSync(join(contentDir, url), 'utf8')) as unknown;
    return isObject(json) ? json : undefined;
  } catch {
    return undefined;
  }
}

/** The item entries: in the root (format 1) or in the pages it names (format 2). */
function itemEntries(manifest: Json, contentDir: string | undefined): Json[] {
  const list = (x: unknown) => (Array.isArray(x) ? x.filter(isObject) : []);
  if (Array.isArray(manifest.items)) return list(manifest.items);
  if (!contentDir) return [];
  return list(manifest.pages).flatMap((page) => list(readContentJson(contentDir, page.url)?.items));
}

/** Parses a manifest's root; anything it cannot read is left at its default. */
export function parsePublished(manifest: unknown, contentDir?: string): Published {
  if (!isObject(manifest)) return EMPTY;
  const settings = isObject(manifest.settings) ? manifest.settings : {};
  const fleet = isObject(settings.fleet) ? settings.fleet : {};
  const screens = Array.isArray(manifest.screens) ? manifest.screens.filter(isObject) : [];
  const items = new Map<string, { kind: string; title: LocalText | undefined }>();
  for (const entry of itemEntries(manifest, contentDir)) {
    if (typeof entry.id !== 'string') continue;
    const title = contentDir ? (readContentJson(contentDir, entry.url)?.title as LocalText | undefined) : undefined;
    items.set(entry.id, { kind: String(entry.kind ?? ''), title });
  }
  const defaultHours = isObject(settings.hours) ? (settings.hours as ScreenHours) : undefined;
  return {
    version: typeof manifest.version === 'string' ? manifest.version : null,
    timeZone: typeof settings.timeZone === 'string' ? settings.timeZone : EMPTY.timeZone,
    beatSeconds: typeof fleet.heartbeat === 'number' && fleet.heartbeat >= 10 ? fleet.heartbeat : EMPTY.beatSeconds,
    screens: screens
      .filter((s) => typeof s.id === 'string')
      .map((s) => ({
        id: s.id as string,
        name: (s.name as LocalText | undefined) ?? (s.id as string),
        hours: isObject(s.hours) ? (s.hours as ScreenHours) : defaultHours,
      })),
    items,
  };
}

/**
 * Reads `<dist>/content/manifest.json`, again only when it changed (a publish replaces it under
 * a running server).
 */
export function publishedReader(distDir: string | undefined): () => Published {
  let cache: { mtime: number; value: Published } | undefined;
  return () => {
    if (!distDir) return EMPTY;
    const contentDir = join(distDir, 'content');
    const file = join(contentDir, 'manifest.json');
    if (!existsSync(file)) return EMPTY;
    const mtime = statSync(file).mtimeMs;
    if (cache?.mtime !== mtime) {
      let value = EMPTY;
      try {
        value = parsePublished(JSON.parse(readFileSync(file, 'utf8')), contentDir);
      } catch {
        // a manifest being replaced: keep the last good one
        value = cache?.value ?? EMPTY;
      }
      cache = { mtime, value };
    }
    return cache.value;
  };
}
