/**
 * A static server for dist/ with the caching the deploy guide prescribes: content-addressed
 * files immutable for a year; pages, the worker and manifest.json `no-cache` with an ETag, so a
 * screen's unchanged manifest costs one 304. Counts bytes on the wire for the benchmarks.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface ServerStats {
  requests: { url: string; status: number; bytes: number }[];
}

export interface RunningServer {
  url: string;
  server: Server;
  stats: ServerStats;
  close(): Promise<void>;
}

const IMMUTABLE = /^\/(content\/(items|assets|calendar)\/[0-9a-f]{64}\.[a-z0-9]+|assets\/.+-[A-Za-z0-9_-]{8}\.(js|css))$/;

export function cacheControl(path: string): string {
  return IMMUTABLE.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export async function serveStatic(dir: string, port = 0, host = '127.0.0.1'): Promise<RunningServer> {
  const files = sirv(dir, {
    etag: true,
    dev: false,
    extensions: ['html'],
    setHeaders: (res, pathname) => res.setHeader('Cache-Control', cacheControl(pathname)),
  });
  const stats: ServerStats = { requests: [] };
  const server = createServer((req, res) => {
    let bytes = 0;
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk) bytes += Buffer.byteLength(chunk as Buffer);
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== 'function') bytes += Buffer.byteLength(chunk as Buffer);
      stats.requests.push({ url: req.url ?? '', status: res.statusCode, bytes });
      return (end as (...a: unknown[]) => typeof res)(chunk, ...rest);
    }) as typeof res.end;
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('Cache-Control', 'no-cache');
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${actual}/`,
    server,
    stats,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
