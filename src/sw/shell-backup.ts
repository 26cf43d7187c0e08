/**
 * A second copy of the app shell (every precached file: the pages, their JS and CSS, icons) in
 * IndexedDB, and the repair of the precache from it.
 *
 * Why: a browser's "clear" or an eviction can delete all of Cache Storage while IndexedDB
 * stays. Workbox precaches only when a new app version installs, so until then every offline
 * start would show the browser's network-error page: a broken glass for days. With this copy,
 * a precache miss is answered from IndexedDB (offline too), and the precache is filled again
 * from the copy, or from the network for a file the copy lacks, but only a file whose name
 * holds its own hash, answered as itself (not redirected, of the type its name says): a captive
 * portal's login page, or a newer index.html, must never stand in for the shell.
 *
 * Storage, caches and fetch are parameters (the worker passes its own; tests pass fakes).
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/** One precache entry, as in the worker's `self.__WB_MANIFEST`. */
export interface ShellEntry {
  url: string;
  revision: string | null;
}

export interface ShellFile {
  /** The absolute URL the app requests (without Workbox's revision parameter). */
  url: string;
  type: string;
  body: ArrayBuffer;
}

interface ShellDb extends DBSchema {
  files: { key: string; value: ShellFile };
  /** 'build': the entries the files were copied for (one app version). */
  meta: { key: 'build'; value: string };
}

export const SHELL_DB = 'science-window-shell';

export function openShellDb(name = SHELL_DB): Promise<IDBPDatabase<ShellDb>> {
  return openDB<ShellDb>(name, 1, {
    upgrade(db) {
      db.createObjectStore('files', { keyPath: 'url' });
      db.createObjectStore('meta');
    },
  });
}

export interface ShellDeps {
  entries: readonly ShellEntry[];
  /** The worker's scope: entry URLs are relative to it. */
  scope: URL;
  /** Workbox's cache key of an absolute URL (getCacheKeyForURL), undefined if not precached. */
  cacheKey(url: string): string | undefined;
  caches: CacheStorage;
  /** The precache's cache name (workbox-core cacheNames.precache). */
  cacheName: string;
  openDb: () => Promise<IDBPDatabase<ShellDb>>;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
}

export interface ShellKeeper {
  /** Copies the precache into IndexedDB, unless the copy is of this app version already. */
  save(): Promise<void>;
  /** Puts every missing precache file back, from the copy or the network; resolves with how many. One run at a time. */
  heal(): Promise<number>;
  /** The copy of a precached file, for a request the precache and the network both failed. */
  fallback(url: string): Promise<Response | undefined>;
}

const TYPES: Record<string, RegExp> = { js: /javascript/, css: /css/, html: /html/, svg: /svg/, png: /png/, webmanifest: /json|manifest/ };

/** A response that is the file asked for: not redirected, same origin, of its name's type. */
function itself(url: string, r: Response): boolean {
  const ext = /\.([a-z]+)$/.exec(new URL(url).pathname)?.[1] ?? '';
  const type = r.headers.get('Content-Type') ?? '';
  return r.ok && !r.redirected && r.type === 'basic' && (TYPES[ext]?.test(type) ?? true);
}

export function shellKeeper(d: ShellDeps): ShellKeeper {
  const build = JSON.stringify(d.entries.map((e) => [e.url, e.revision]));
  const files = d.entries.map((e) => {
    const url = new URL(e.url, d.scope).href;
    return { url, key: d.cacheKey(url) ?? url, hashed: e.revision === null };
  });
  let healing: Promise<number> | undefined;
  const strip = (url: string) => url.split(/[?#]/)[0]!;

  async function heal(): Promise<number> {
    const cache = await d.caches.open(d.cacheName);
    const db = await d.openDb();
    let put = 0;
    try {
      for (const f of files) {
        if (await cache.match(f.key)) continue;
        const copy = await db.get('files', f.url);
        const res = copy
          ? new Response(copy.body, { headers: { 'Content-Type': copy.type } })
          : f.hashed ? await d.fetch(f.url, { cache: 'reload', redirect: 'error' }).then((r) => (itself(f.url, r) ? r : undefined), () => undefined) : undefined;
        if (!res) continue;
        await cache.put(f.key, res);
        put++;
      }
    } finally {
      db.close();
    }
    return put;
  }

  return {
    async save() {
      const db = await d.openDb();
      try {
        if ((await db.get('meta', 'build')) === build) return;
        const cache = await d.caches.open(d.cacheName);
        const copies: ShellFile[] = [];
        for (const f of files) {
          const res = await cache.match(f.key);
          if (!res) return; // an incomplete precache is no copy to keep
          copies.push({ url: f.url, type: res.headers.get('Content-Type') ?? 'application/octet-stream', body: await res.arrayBuffer() });
        }
        const tx = db.transaction(['files', 'meta'], 'readwrite');
        await tx.objectStore('files').clear();
        for (const c of copies) await tx.objectStore('files').put(c);
        await tx.objectStore('meta').put(build, 'build');
        await tx.done;
      } finally {
        db.close();
      }
    },
    heal: () => (healing ??= heal().finally(() => (healing = undefined))),
    async fallback(url) {
      const db = await d.openDb();
      try {
        // "/…/" and "/…/preview" are the precache's names for index.html and preview.html too.
        const path = strip(url);
        const names = [path, path.endsWith('/') ? `${path}index.html` : `${path}.html`];
        let copy: ShellFile | undefined;
        for (let i = 0; i < names.length && !copy; i++) copy = await db.get('files', names[i]!);
        return copy && new Response(copy.body, { headers: { 'Content-Type': copy.type } });
      } finally {
        db.close();
      }
    },
  };
}
