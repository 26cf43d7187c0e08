/**
 * The fault matrix's shared kiosks: one site and one kiosk per (app build, content size), on
 * which every case publishes the next version, breaks something, checks the glass, and
 * converges. Cases are counted here; the matrix file prints and checks the count.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Manifest } from '../../../src/content/manifest.ts';
import { generateSigningKeys } from '../../../tools/lib/sign.ts';
import { FaultSite, START } from '../fault-site.ts';
import { launch, STILL } from '../harness.ts';
import { activeSet, activeVersion, firstSyncDone, lastErrorCode, runPlannedSync, waitForController } from '../page-state.ts';
import { launchOwn, type OwnBrowser } from './own-browser.ts';
import { FIRST_YEARS, type Publisher, publisher } from './versions.ts';

/** An app build as an operator can make one. */
export interface Build {
  name: 'unsigned' | 'signed';
  dir: string;
  /** The private key its manifests are signed with (the build holds the public one). */
  key?: JsonWebKey;
  /** Its request timeout: short only in the signed build, for the 'slow' fault. */
  timeoutMs: number;
}

/** Content sizes: the sample (~70 items) and a generated thousand. */
export const SIZES = [{ name: 'sample', items: undefined, min: 40 }, { name: '1,000 items', items: 1_000, min: 900 }] as const;
export type Size = (typeof SIZES)[number];

/**
 * The signed build: it accepts only manifests signed with its key, and has a 3 s request
 * timeout, so that a response that never comes times out in real time (the sync runs in the
 * service worker, out of reach of the page's fake clock); a test waits for that run to end.
 * Not shorter: every case of this build runs with it, and a busy 2-core machine can take over
 * a second for an ordinary answer, which would fail a case that has no fault to see.
 */
export const SIGNED_TIMEOUT_MS = 3_000;

let planned = 0;
let ran = 0;
export const counts = () => ({ planned, ran });

/** A case of the matrix: counted when it passes. */
export function matrixCase(name: string, body: () => Promise<void>, timeoutMs?: number): void {
  planned++;
  it(name, async () => {
    await body();
    ran++;
  }, timeoutMs);
}

/** For a whole file: one Chromium, and the two builds (dist/ and a signed one made here). */
export function matrixEnv(): { browser: Browser; unsigned: Build; signed: Build; other: JsonWebKey } {
  const env = {
    unsigned: { name: 'unsigned', dir: 'dist', timeoutMs: 60_000 },
    signed: { name: 'signed', dir: mkdtempSync(join(tmpdir(), 'sw-signed-app-')), timeoutMs: SIGNED_TIMEOUT_MS },
  } as { browser: Browser; unsigned: Build; signed: Build; other: JsonWebKey };
  beforeAll(async () => {
    const keys = await generateSigningKeys();
    env.other = (await generateSigningKeys()).privateJwk;
    env.signed.key = keys.privateJwk;
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error', '--outDir', resolve(env.signed.dir)], {
      // NODE_ENV=test (set by vitest) would build a dev-mode app without its service worker.
      env: {
        ...process.env, NODE_ENV: 'production', SW_PUBLIC_KEYS: JSON.stringify({ keys: [keys.publicJwk] }),
        SW_REQUEST_TIMEOUT_MS: String(SIGNED_TIMEOUT_MS),
      },
      stdio: 'inherit',
    });
    env.browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await env.browser?.close();
    rmSync(env.signed.dir, { recursive: true, force: true });
  });
  return env;
}

export class Kiosk {
  private constructor(
    readonly build: Build,
    readonly size: Size,
    readonly site: FaultSite,
    public context: BrowserContext,
    public page: Page,
    readonly pub: Publisher,
    /** With a Chromium of its own (`own`), on `profile`: a case may kill it and start it again. */
    public own?: OwnBrowser,
    readonly profile?: string,
  ) {}

  /** A site with the first version, and a kiosk on it that has taken it, its clock paused. `browser` 'own': see relaunch. */
  static async open(browser: Browser | 'own', build: Build, size: Size): Promise<Kiosk> {
    const site = new FaultSite(build.dir, size.items);
    site.signingKey = build.key;
    const first = await site.publish(FIRST_YEARS);
    await site.start();
    const profile = browser === 'own' ? mkdtempSync(join(tmpdir(), 'sw-profile-')) : undefined;
    const own = profile ? await launchOwn(profile) : undefined;
    const context = own ? own.context : await (browser as Browser).newContext({ viewport: { width: 960, height: 540 }, ...STILL });
    const k = new Kiosk(build, size, site, context, await context.newPage(), publisher(join(site.site, 'content'), first, build.key), own, profile);
    await k.load(START);
    return k;
  }

  /** Opens the screen at `time` (page clock) and waits, online, for the site's version; then pauses the clock. */
  private async load(time: number, online = true): Promise<void> {
    const page = this.page;
    await page.clock.install({ time: new Date(time) });
    await page.goto(`${this.site.url}?screen=lvyuan-gate`);
    // (A hook, where expect.poll is not allowed: the same polling by hand.)
    for (const end = Date.now() + 90_000; online && (await activeVersion(page)) !== this.current.version;) {
      if (Date.now() > end) throw new Error(`the version never became active (last sync error: ${await lastErrorCode(page)})`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await waitForController(page);
    // From here the page's time moves only when a case runs its next planned sync (or moves it).
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
    await firstSyncDone(page);
  }

  /**
   * Starts the kiosk's own Chromium again on the same profile after it was killed, offline
   * (the network down and the site unreachable), and opens the screen: it plays what it has.
   */
  async relaunchOffline(): Promise<void> {
    this.site.down = true;
    this.own = await launchOwn(this.profile!);
    this.context = this.own.context;
    await this.context.setOffline(true);
    this.page = await this.context.newPage();
    await this.load(START, false);
  }

  /** Back online: the page hears it (its `online` event plans a run) and the site answers. */
  async online(): Promise<void> {
    this.site.down = false;
    await this.context.setOffline(false);
  }

  get current(): Manifest {
    return this.pub.current;
  }

  async close(): Promise<void> {
    if (this.own) {
      await this.own.browser.close().catch(() => undefined);
      await this.own.kill();
      rmSync(this.profile!, { recursive: true, force: true });
    } else await this.context.close();
    await this.site.close();
  }

  onAir(): Promise<string | null> {
    return this.page.locator('kiosk-app').getAttribute('data-item');
  }

  /** The active set is complete, of the expected version, and a slide is on screen. */
  async expectHealthy(version: string): Promise<void> {
    const report = await activeSet(this.page, this.site.contentBase);
    expect(report.missing).toEqual([]);
    expect(report.version).toBe(version);
    expect(report.items).toBeGreaterThan(this.size.min);
    expect(await this.onAir(), 'a slide on air').not.toBeNull();
  }

  /** The active version is still `version` and a slide is on screen (its files may be gone: the fault took them). */
  async expectPlaying(version: string): Promise<void> {
    expect(await activeVersion(this.page)).toBe(version);
    expect(await this.onAir(), 'a slide on air').not.toBeNull();
  }

  /** Runs the planned syncs (intervals and back-off, in fake time), one to its end at a time, until the version is active. */
  async converge(version: string): Promise<void> {
    for (let i = 0; i < 12 && (await activeVersion(this.page)) !== version; i++) await runPlannedSync(this.page, 60_000);
    expect(await activeVersion(this.page)).toBe(version);
  }

  /** One sync attempt against the armed fault: the scheduler's next run, to its end; it reached `path` and failed. */
  async attempt(path: string): Promise<void> {
    const before = this.site.hits(path);
    const mark = await runPlannedSync(this.page, 60_000);
    expect(this.site.hits(path), `the sync reached ${path}`).toBeGreaterThan(before);
    expect(mark.state, 'the run failed').toMatch(/^(offline|error)$/);
  }

  /** Before a case: no fault left armed by one that failed, and the site's version active. */
  async settle(): Promise<void> {
    this.site.clear();
    this.site.release();
    this.pub.serve(this.current);
    if ((await activeVersion(this.page)) !== this.current.version) await this.converge(this.current.version);
  }
}

/** Registers `cases` against a kiosk of that build and size, opened before them and closed after. */
export function onKiosk(env: { browser: Browser }, build: () => Build, size: Size, cases: (k: () => Kiosk) => void, own = false): void {
  let kiosk: Kiosk | undefined;
  beforeAll(async () => {
    kiosk = await Kiosk.open(own ? 'own' : env.browser, build(), size);
  }, 180_000);
  afterAll(async () => {
    await kiosk?.close();
  });
  cases(() => kiosk!);
}
