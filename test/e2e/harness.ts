/**
 * End-to-end harness: Debian's Chromium driven by playwright-core against the built app
 * (dist/) served by the project's own static server on loopback.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { serveStatic, type RunningServer } from '../../tools/lib/static-server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * For kiosks whose motion is not under test: prefers-reduced-motion stops the progress bar, the
 * crossfades and the night clock's drift (src/ui/kiosk.css), so Chromium's compositor is not
 * drawing 60 frames a second beside the test (about a tenth of a core here, software-drawn).
 * The tests of crossfades and films (app-update, video) keep the motion.
 */
export const STILL = { reducedMotion: 'reduce' } as const;
/** The same for a Chromium started as a process (./matrix/own-browser.ts). */
export const STILL_ARG = '--force-prefers-reduced-motion';

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export function serveDist(dir = 'dist'): Promise<RunningServer> {
  return serveStatic(dir);
}

/**
 * For a whole test file: Chromium, and the built dist/ served on loopback (npm test builds it
 * first). Read `env.browser` / `env.server` inside tests.
 */
export function browserOnDist(): { browser: Browser; server: RunningServer } {
  const env = {} as { browser: Browser; server: RunningServer };
  beforeAll(async () => {
    expect(existsSync('dist/index.html'), 'npm test builds dist/ first (npm run build)').toBe(true);
    [env.browser, env.server] = await Promise.all([launch(), serveDist()]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
