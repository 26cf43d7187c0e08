/**
 * A static server for dist/ with the caching the deploy guide prescribes: content-addressed
 * files immutable for a year; pages, the worker and manifest.json `no-cache` with an ETag, so a
 * screen's unchanged manifest costs one 304. Counts bytes on the wire for the benchmarks.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, normalize, relative, resolve } from 'node:path';
import { ASSET_CSP } from '../../src/sw/asset-policy.ts';

export interface ServerStats {
  requests: { url: string; status: number; bytes: number }[];
}

export interface RunningServer {
  url: string;
  server: Server;
  stats: ServerStats;
  close(): Promise<void>;
}

const IMMUTABLE = /^\/(content\/(pages|items|assets|calendar)\/[0-9a-f]{64}\.[a-z0-9]+|assets\/.+-[A-Za-z0-9_-]{8}\.(js|css))$/;

export function cacheControl(path: string): string {
  return IMMUTABLE.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp',
  '.webm': 'video/webm', '.mp4': 'video/mp4',
};

/** The bytes a `Range: bytes=a-b` (or `a-`) header asks of `size` bytes, 'bad' past the end, undefined for any other. */
export function byteRange(header: string | undefined, size: number): [number, number] | 'bad' | undefined {
  const m = /^bytes=(\d+)-(\d*)$/.exec(header?.trim() ?? '');
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  return start >= size || end < start ? 'bad' : [start, end];
}

/** The file a request path names under `root`, or undefined (never outside `root`). */
function fileFor(root: string, pathname: string): string | undefined {
  const segments = pathname.split('/');
  let decoded: string[];
  try {
    decoded = segments.map(decodeURIComponent);
  } catch {
    return undefined;
  }
  // An encoded "/" or "\\" inside a segment, or a ".." segment, never names a file here.
  if (decoded.some((d) => d.includes('/') || d.includes('\\') || d === '..')) return undefined;
  const rel = decoded.join('/');
  const inside = (abs: string) => {
    const r = relative(root, abs);
    return !r.startsWith('..') && !isAbsolute(r);
  };
  const isFile = (abs: string) => inside(abs) && existsSync(abs) && statSync(abs).isFile();
  const abs = normalize(join(root, rel.endsWith('/') ? `${rel}index.html` : rel));
  if (isFile(abs)) return abs;
  if (isFile(`${abs}.html`)) return `${abs}.html`;
  return undefined;
}

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Tests only: answer a request yourself (fault injection); return true when handled. */
  intercept?(req: IncomingMessage, res: ServerResponse, pathname: string): boolean;
}

/**
 * The request listener behind serveStatic, for a server that serves dist/ beside other routes
 * (the fleet server): the same caching, ETags and headers.
 */
export function staticListener(dir: string, options: Pick<ServeOptions, 'intercept'> & { keepStats?: boolean } = {}): {
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  stats: ServerStats;
} {
  const root = resolve(dir);
  const stats: ServerStats = { requests: [] };
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const record = (status: number, bytes: number) => {
      // A long-running server keeps none (the list would only grow).
      if (options.keepStats !== false) stats.requests.push({ url: url.pathname, status, bytes });
    };
    if (options.intercept?.(req, res, url.pathname)) {
      record(-1, 0);
      return;
    }
    const file = req.method === 'GET' || req.method === 'HEAD' ? fileFor(root, url.pathname) : undefined;
    res.setHeader('Cache-Control', cacheControl(url.pathname));
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      record(404, 9);
      return;
    }
    // Read on every request: a publish replaces files under a running server, and the ETag is
    // a hash of the bytes, so it changes exactly when they do.
    const body = readFileSync(file);
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    res.setHeader('ETag', etag);
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304).end();
      record(304, 0);
      return;
    }
    // An SVG opened by its own URL is a document of this origin: it runs no script here.
    if (extname(file) === '.svg') res.setHeader('Content-Security-Policy', ASSET_CSP);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    res.setHeader('Accept-Ranges', 'bytes');
    // A Range (a film's download that goes on where it broke, or a browser seeking): 206.
    const range = byteRange(req.headers.range, body.byteLength);
    if (range === 'bad') {
      res.writeHead(416, { 'Content-Range': `bytes */${body.byteLength}` }).end();
      record(416, 0);
      return;
    }
    const [status, part] = range ? [206, body.subarray(range[0], range[1] + 1)] : [200, body];
    if (range) res.setHeader('Content-Range', `bytes ${range[0]}-${range[1]}/${body.byteLength}`);
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': part.byteLength });
    res.end(req.method === 'HEAD' ? undefined : part);
    record(status, req.method === 'HEAD' ? 0 : part.byteLength);
  };
  return { listener, stats };
}

export async function serveStatic(dir: string, options: ServeOptions = {}): Promise<RunningServer> {
  const { port = 0, host = '127.0.0.1' } = options;
  const { listener, stats } = staticListener(dir, options);
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${actual}/`,
    server,
    stats,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
