/**
 * What the fleet server reads of the published content: the root manifest's `settings` and
 * `screens` (screen names and hours, time zone, beat interval), its version, the feeds it
 * delegates, and the items' kinds and titles (from a manifest's `items`, format 1, or from the
 * pages it names, format 2), the root's and each feed's ("<feed>:<id>", as screens report them).
 * The one place that knows the manifest's shape: when the manifest changes, only this file does.
 * Reading the files as they change: ./published-reader.ts.
 */
import { readFileSync } from 'node:fs';
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

export type PublishedItems = Published['items'];

/** A feed the root delegates: its id and its folder, relative to the root's content/ or absolute. */
export interface Delegation {
  id: string;
  url: string;
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
  const items = itemsOf(manifest, contentDir);
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

/** The kinds and titles of a manifest's items, its files in `dir`, by `prefix` + id. */
export function itemsOf(manifest: unknown, dir: string | undefined, prefix = ''): PublishedItems {
  const items: PublishedItems = new Map();
  if (!isObject(manifest)) return items;
  for (const entry of itemEntries(manifest, dir)) {
    if (typeof entry.id !== 'string') continue;
    const title = dir ? (readContentJson(dir, entry.url)?.title as LocalText | undefined) : undefined;
    items.set(`${prefix}${entry.id}`, { kind: String(entry.kind ?? ''), title });
  }
  return items;
}

/** The feeds a root manifest delegates (settings.feeds), those with an id and a folder. */
export function delegationsOf(manifest: unknown): Delegation[] {
  const settings = isObject(manifest) && isObject(manifest.settings) ? manifest.settings : {};
  const feeds = Array.isArray(settings.feeds) ? settings.feeds.filter(isObject) : [];
  return feeds.flatMap((f) => (typeof f.id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(f.id) && typeof f.url === 'string' ? [{ id: f.id, url: f.url }] : []));
}
