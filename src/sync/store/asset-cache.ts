/**
 * Pictures and QR codes of the content sets, in the named Cache Storage cache the service
 * worker reads (CONTENT_CACHE), keyed by their absolute content-addressed URL.
 *
 * Why Cache Storage and not blobs in IndexedDB: the page shows a picture with a plain
 * `<img src="content/assets/<sha256>.svg">`; the worker answers that URL cache-first from this
 * very cache, so pictures work offline with no object URLs to create and revoke (a kiosk that
 * runs for months would leak them), no bytes copied into the page's memory, and the same URL
 * works online before the worker is installed.
 *
 * Cache Storage takes no AbortSignal: every call checks the signal before and after.
 */
/** The Cache Storage cache of verified content files (the service worker answers from it). */
export const CONTENT_CACHE = 'science-window-content';

export interface AssetStore {
  /** Absolute URLs present in the cache. */
  urls(signal?: AbortSignal): Promise<Set<string>>;
  /** The cached bytes of a URL, if any (callers verify them). */
  get(url: string, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer> | undefined>;
  put(url: string, bytes: Uint8Array<ArrayBuffer>, type: string, signal?: AbortSignal): Promise<void>;
  /** The cached body of a URL as a stream, if any (a film is checked without holding it whole). */
  body(url: string, signal?: AbortSignal): Promise<ReadableStream<Uint8Array> | undefined>;
  /** Stores a Blob (a verified film, made of its parts). */
  putBlob(url: string, body: Blob, type: string, signal?: AbortSignal): Promise<void>;
  delete(url: string, signal?: AbortSignal): Promise<void>;
}

/** @example const assets = createAssetCache(caches); */
export function createAssetCache(storage: CacheStorage, name = CONTENT_CACHE): AssetStore {
  const open = async (signal?: AbortSignal) => {
    signal?.throwIfAborted();
    const cache = await storage.open(name);
    signal?.throwIfAborted();
    return cache;
  };
  return {
    async urls(signal) {
      const keys = await (await open(signal)).keys();
      return new Set(keys.map((r) => r.url));
    },
    async get(url, signal) {
      const res = await (await open(signal)).match(url);
      if (!res) return undefined;
      const bytes = new Uint8Array(await res.arrayBuffer());
      signal?.throwIfAborted();
      return bytes;
    },
    async put(url, bytes, type, signal) {
      const headers = { 'Content-Type': type, 'Content-Length': String(bytes.byteLength) };
      await (await open(signal)).put(url, new Response(bytes, { status: 200, headers }));
      signal?.throwIfAborted();
    },
    async body(url, signal) {
      const res = await (await open(signal)).match(url);
      return res?.body ?? undefined;
    },
    async putBlob(url, body, type, signal) {
      const headers = { 'Content-Type': type, 'Content-Length': String(body.size) };
      await (await open(signal)).put(url, new Response(body, { status: 200, headers }));
      signal?.throwIfAborted();
    },
    async delete(url, signal) {
      await (await open(signal)).delete(url);
    },
  };
}
