/**
 * End-to-end harness: Debian's Chromium driven by playwright-core against the built app
 * (dist/) served by the project's own static server on loopback.
 */
import { type Browser, chromium } from 'playwright-core';
import { serveStatic, type RunningServer } from '../../tools/lib/static-server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export function serveDist(dir = 'dist'): Promise<RunningServer> {
  return serveStatic(dir);
}
