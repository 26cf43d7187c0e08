/**
 * A Chromium of the test's own, on a profile folder that outlives it: started as a process (so
 * that a case can kill it, SIGKILL, as a power cut would) and driven over CDP.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, STILL_ARG } from '../harness.ts';

export interface OwnBrowser {
  browser: Browser;
  context: BrowserContext;
  process: ChildProcess;
  /** Kills the browser at once (no shutdown: what is not on disk is lost) and waits for it to end. */
  kill(): Promise<void>;
}

export async function launchOwn(profile: string): Promise<OwnBrowser> {
  const proc = spawn(CHROMIUM, [
    ...CHROMIUM_ARGS, STILL_ARG, '--headless', `--user-data-dir=${profile}`, '--remote-debugging-port=0',
    '--window-size=960,540', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const ws = await new Promise<string>((resolve, reject) => {
    let err = '';
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`chromium exited (${code}): ${err.slice(-500)}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  return {
    browser,
    context: browser.contexts()[0]!,
    process: proc,
    async kill() {
      proc.kill('SIGKILL');
      await exited;
    },
  };
}
