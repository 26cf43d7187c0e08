/**
 * The fleet server on a port: the fleet app for /api/ and /fleet/, and, when given a dist/
 * folder, the kiosk's static site for everything else (the same listener, caching and headers
 * as `npm start`), so one process serves a small install.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { staticListener } from '../lib/static-server.ts';
import { fleetApp, type FleetOptions } from './app.ts';

export interface RunningFleet {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const FLEET_PATH = /^\/(api|fleet)(\/|$)/;

export async function startFleetServer(
  options: FleetOptions & {
    port?: number;
    host?: string;
    distDir?: string | undefined;
    /** Tests only: answer a request yourself (500s, resets); return true when handled. */
    intercept?(req: IncomingMessage, res: ServerResponse, pathname: string): boolean;
  },
): Promise<RunningFleet> {
  const { port = 0, host = '127.0.0.1' } = options;
  const fleet = getRequestListener(fleetApp(options).fetch);
  const site = options.distDir ? staticListener(options.distDir, { keepStats: false }).listener : undefined;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (options.intercept?.(req, res, path)) return;
    if (FLEET_PATH.test(path) || !site) void fleet(req, res);
    else site(req, res);
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: actual } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${actual}/`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
