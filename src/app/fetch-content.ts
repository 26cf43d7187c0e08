/**
 * Loads a published content set over the network in one go and keeps it in memory. The
 * offline-first sync engine (src/sync) replaces this on the screen; the preview and tests use
 * it as is. Items that fail the schema are skipped and logged, never fatal to the rest.
 */
import * as v from 'valibot';
import { decodeTables } from '../calendar/tables.ts';
import type { CalendarTablesJson } from '../calendar/tables.ts';
import { ManifestSchema } from '../content/manifest.ts';
import { type CompiledItem, CompiledItemSchema } from '../content/schema.ts';
import { type ActiveContent, type ContentSource, contentHolder } from './active-content.ts';

async function json(url: URL, signal?: AbortSignal): Promise<unknown> {
  const res = await fetch(url, { signal, cache: 'no-cache' });
  if (!res.ok) throw new Error(`${res.status} ${url}`);
  return res.json();
}

export async function fetchContent(base: URL, signal?: AbortSignal): Promise<ActiveContent> {
  const m = v.safeParse(ManifestSchema, await json(new URL('manifest.json', base), signal));
  if (!m.success) throw new Error(`invalid manifest: ${m.issues[0].message}`);
  const manifest = m.output;
  const items: CompiledItem[] = [];
  await Promise.all(manifest.items.map(async (e) => {
    const r = v.safeParse(CompiledItemSchema, await json(new URL(e.url, base), signal));
    if (r.success) items.push(r.output);
    else console.warn('skipped invalid item', e.id, r.issues);
  }));
  items.sort((a, b) => (a.id < b.id ? -1 : 1));
  const tables = decodeTables((await json(new URL(manifest.calendar.url, base), signal)) as CalendarTablesJson);
  const assets = new Map(manifest.assets.map((a) => [a.path, new URL(a.url, base).href]));
  return { manifest, items, tables, assetUrl: (path) => assets.get(path) };
}

/** A content source that holds one fetched set; `refresh()` loads a newer one. */
export function fetchedSource(base: URL): ContentSource & { refresh(signal?: AbortSignal): Promise<void> } {
  const holder = contentHolder();
  return {
    current: holder.current,
    subscribe: holder.subscribe,
    async refresh(signal) {
      const next = await fetchContent(base, signal);
      if (next.manifest.version !== holder.current()?.manifest.version) holder.set(next);
    },
  };
}
