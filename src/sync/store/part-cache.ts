/**
 * Parts of films being downloaded, in their own Cache Storage cache (PARTS_CACHE), so that a
 * download that breaks goes on from where it stopped (a Range request) instead of starting
 * again. Each part is a run of bytes, in order, saved with the sha256 state after its last
 * byte (hash-wasm's save()), so the hash goes on too without reading the parts again.
 *
 *   <url>?part=<k>   body: the bytes; headers X-Offset (of its first byte), X-Hash-State (hex)
 *
 * When the film is whole and verified, `whole(url)` gives the parts as one Blob (made of the
 * cached parts' own blobs: Chromium keeps them on disk and copies nothing through the page or
 * the worker), which is put in the content cache; then the parts are cleared. (A 300 MB body
 * put from a JavaScript stream failed in Chromium: "Unexpected internal error".) Parts nobody resumes (a set that was
 * replaced) are cleared by the engine's collection (`urls()`).
 */

export const PARTS_CACHE = 'science-window-parts';

export interface PartStore {
  /** Where a download of `url` stopped: the bytes held and the hash state after them. */
  resume(url: string, signal?: AbortSignal): Promise<{ offset: number; state: Uint8Array; parts: number } | undefined>;
  add(url: string, index: number, offset: number, bytes: Uint8Array<ArrayBuffer>, state: Uint8Array, signal?: AbortSignal): Promise<void>;
  /** The parts of `url` as one Blob, in order. */
  whole(url: string): Promise<Blob>;
  clear(url: string): Promise<void>;
  /** The film URLs that have parts. */
  urls(): Promise<Set<string>>;
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const unhex = (s: string) => new Uint8Array((s.match(/../g) ?? []).map((x) => parseInt(x, 16)));
const key = (url: string, k: number) => `${url}?part=${k}`;
const split = (u: string) => {
  const m = /^(.*)\?part=(\d+)$/.exec(u);
  return m ? { url: m[1]!, k: Number(m[2]) } : undefined;
};

/** @example const parts = createPartCache(caches); */
export function createPartCache(storage: CacheStorage, name = PARTS_CACHE): PartStore {
  const open = () => storage.open(name);
  const list = async (url: string) => {
    const keys = await (await open()).keys();
    return keys.map((r) => split(r.url)).filter((p) => p?.url === url).map((p) => p!.k).sort((a, b) => a - b);
  };
  return {
    async resume(url, signal) {
      const ks = await list(url);
      signal?.throwIfAborted();
      // Parts must run 0, 1, 2…: a gap (a part lost) means start again.
      if (ks.length === 0 || ks.some((k, i) => k !== i)) return undefined;
      const last = await (await open()).match(key(url, ks.length - 1));
      const state = last?.headers.get('X-Hash-State');
      const offset = Number(last?.headers.get('X-Offset'));
      const length = Number(last?.headers.get('Content-Length'));
      if (!state || !Number.isFinite(offset) || !Number.isFinite(length)) return undefined;
      return { offset: offset + length, state: unhex(state), parts: ks.length };
    },
    async add(url, index, offset, bytes, state, signal) {
      signal?.throwIfAborted();
      const headers = { 'Content-Length': String(bytes.byteLength), 'X-Offset': String(offset), 'X-Hash-State': hex(state) };
      await (await open()).put(key(url, index), new Response(bytes, { headers }));
    },
    async whole(url) {
      const cache = await open();
      const blobs: Blob[] = [];
      for (const k of await list(url)) {
        const res = await cache.match(key(url, k));
        if (!res) throw new Error(`part ${k} of ${url} is gone`);
        blobs.push(await res.blob());
      }
      return new Blob(blobs);
    },
    async clear(url) {
      const cache = await open();
      for (const k of await list(url)) await cache.delete(key(url, k));
    },
    async urls() {
      const keys = await (await open()).keys();
      return new Set(keys.map((r) => split(r.url)?.url).filter((u): u is string => u !== undefined));
    },
  };
}
