/**
 * Fault injection in Chromium against a real local HTTP server: for each fault, at each point
 * of a sync (the manifest, a changed item, a new picture, the calendar file), the active set
 * stays complete and valid, a slide stays on screen, and the screen converges on the new
 * content once the fault clears. Prints how many cases ran.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/content/manifest.ts';
import { generateSigningKeys, signManifest } from '../../tools/lib/sign.ts';
import { FaultSite, START, type TransportFault } from './fault-site.ts';
import { launch } from './harness.ts';
import { activeSet, activeVersion, firstSyncDone, lastErrorCode, runPlannedSync, waitForController } from './page-state.ts';

let browser: Browser;
let ran = 0;
/**
 * A second app build, as an operator can make one: with a public key (it accepts only
 * manifests signed with it) and a 3 s request timeout, so that a response that never comes
 * times out in real time (the sync runs in the service worker, out of reach of the page's fake
 * clock); the test waits for that run to end, not for a time.
 */
const signedApp = mkdtempSync(join(tmpdir(), 'sw-signed-app-'));
const SIGNED_TIMEOUT_MS = 3_000;
let keys: { privateJwk: JsonWebKey; publicJwk: JsonWebKey };
let other: { privateJwk: JsonWebKey };
beforeAll(async () => {
  keys = await generateSigningKeys();
  other = await generateSigningKeys();
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error', '--outDir', resolve(signedApp)], {
    // NODE_ENV=test (set by vitest) would build a dev-mode app without its service worker.
    env: {
      ...process.env, NODE_ENV: 'production', SW_PUBLIC_KEYS: JSON.stringify({ keys: [keys.publicJwk] }),
      SW_REQUEST_TIMEOUT_MS: String(SIGNED_TIMEOUT_MS),
    },
    stdio: 'inherit',
  });
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  rmSync(signedApp, { recursive: true, force: true });
  console.log(`sync fault cases run in Chromium: ${ran}`);
});

interface Kiosk {
  site: FaultSite;
  context: BrowserContext;
  page: Page;
  a: Manifest;
}

async function kioskOn(app: string, keys?: JsonWebKey): Promise<Kiosk> {
  const site = new FaultSite(app);
  site.signingKey = keys;
  const a = await site.publishA();
  await site.start();
  const context = await browser.newContext({ viewport: { width: 960, height: 540 } });
  const page = await context.newPage();
  await page.clock.install({ time: new Date(START) });
  await page.goto(`${site.url}?screen=lvyuan-gate`);
  await expect.poll(() => activeVersion(page), { timeout: 20_000 }).toBe(a.version).catch(async (e) => {
    throw new Error(`version A never became active (last sync error: ${await lastErrorCode(page)})`, { cause: e });
  });
  await waitForController(page);
  // From here the page's time moves only when a test runs its next planned sync.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
  await firstSyncDone(page);
  return { site, context, page, a };
}

/** Runs `body` against a fresh kiosk and always closes its context and site. */
async function withKiosk(app: string, keys: JsonWebKey | undefined, body: (k: Kiosk) => Promise<void>): Promise<void> {
  const k = await kioskOn(app, keys);
  try {
    await body(k);
    ran++;
  } finally {
    await k.context.close();
    await k.site.close();
  }
}

const onAir = (page: Page) => page.locator('kiosk-app').getAttribute('data-item');

/** The active set is complete, of the expected version, and a slide is on screen. */
async function expectHealthy(k: Kiosk, version: string): Promise<void> {
  const report = await activeSet(k.page, k.site.contentBase);
  expect(report.missing).toEqual([]);
  expect(report.version).toBe(version);
  expect(report.items).toBeGreaterThan(40);
  expect(await onAir(k.page)).not.toBeNull();
}

/** Runs the planned syncs (intervals and back-off, in fake time), one to its end at a time, until the version is active. */
async function converge(k: Kiosk, version: string): Promise<void> {
  for (let i = 0; i < 12 && (await activeVersion(k.page)) !== version; i++) await runPlannedSync(k.page);
  expect(await activeVersion(k.page)).toBe(version);
}

/** One sync attempt against the armed fault: the scheduler's next run, to its end. */
async function attempt(k: Kiosk, path: string): Promise<void> {
  const before = k.site.hits(path);
  const mark = await runPlannedSync(k.page, 60_000);
  expect(k.site.hits(path), `the sync reached ${path}`).toBeGreaterThan(before);
  expect(mark.state, 'the run failed').toMatch(/^(offline|error)$/);
}

const TRANSPORT: TransportFault[] = ['reset', '500', '404', 'truncate', 'wrong-hash', 'slow', 'portal'];
const POINTS = ['manifest', 'page', 'item', 'asset', 'calendar'] as const;
const matrix = TRANSPORT.flatMap((f) => POINTS.filter((p) => !(f === 'wrong-hash' && p === 'manifest')).map((p) => [f, p] as const));

describe('sync faults in Chromium: transport faults at each point', () => {
  it.each(matrix)('%s at the %s', async (fault, point) => {
    // 'slow' needs the build with the short request timeout (the default is 60 s).
    const [app, key] = fault === 'slow' ? [signedApp, keys.privateJwk] : ['dist', undefined];
    await withKiosk(app, key, async (k) => {
      const b = await k.site.publishB();
      const path = k.site.points(b)[point];
      k.site.faults.set(path, fault);
      await attempt(k, path);
      const code = await lastErrorCode(k.page);
      expect(code, 'the fault was seen').toBeDefined();
      if (fault === 'wrong-hash') expect(code).toBe('hash-mismatch');
      if (fault === 'slow') expect(code).toBe('timeout');
      if (fault === '500' || fault === '404') expect(code).toBe('http');
      if (fault === 'portal') expect(code).toBe(point === 'manifest' ? 'invalid-manifest' : 'hash-mismatch');
      await expectHealthy(k, k.a.version);
      k.site.faults.clear();
      await converge(k, b.version);
      await expectHealthy(k, b.version);
    });
  });
});

describe('sync faults in Chromium: publisher and storage faults', () => {
  it.each([
    ['invalid JSON', '{ "id": "health/autumn/chongyang-walk", "kind": '],
    ['an item that fails the schema', JSON.stringify({ id: 'health/autumn/chongyang-walk', kind: 'health', titel: 'x' })],
  ])('%s: skipped and logged, the rest commits; converges when republished', async (_name, bytes) => {
    await withKiosk('dist', undefined, async (k) => {
      const b = await k.site.publishB();
      const bad = await k.site.publishBadItem(bytes);
      await converge(k, bad.version);
      await expectHealthy(k, bad.version);
      k.site.writeManifest(b);
      await converge(k, b.version);
      await expectHealthy(k, b.version);
    });
  });

  it('a manifest naming a missing picture: nothing commits until the picture is there', async () => {
    await withKiosk('dist', undefined, async (k) => {
      const b = await k.site.publishB();
      const asset = k.site.points(b).asset;
      k.site.faults.set(asset, '404');
      await attempt(k, asset);
      expect(await lastErrorCode(k.page)).toBe('http');
      await expectHealthy(k, k.a.version);
      k.site.faults.clear();
      await converge(k, b.version);
      await expectHealthy(k, b.version);
    });
  });

  it('a quota error: the active set plays on; sync resumes when space comes back', async () => {
    await withKiosk('dist', undefined, async (k) => {
      const cdp = await k.context.newCDPSession(k.page);
      const origin = new URL(k.site.url).origin;
      const usage = await k.page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 512 });
      const b = await k.site.publishB();
      // Which write overflows first (item, picture or calendar) varies: wait for the run, not a file.
      await attempt(k, k.site.points(b).manifest);
      expect(await lastErrorCode(k.page)).toBe('quota');
      await expectHealthy(k, k.a.version);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await converge(k, b.version);
      await expectHealthy(k, b.version);
    });
  });
});

describe('sync faults in Chromium: a stale mirror', () => {
  it('an older valid manifest served again is refused, and a mirror flapping between two versions never moves the glass back', async () => {
    await withKiosk('dist', undefined, async (k) => {
      const b = await k.site.publishB(START + 3_600_000);
      await converge(k, b.version);
      for (let i = 0; i < 3; i++) {
        k.site.writeManifest(k.a); // the stale edge answers
        await attempt(k, '/content/manifest.json');
        expect(await lastErrorCode(k.page)).toBe('replayed');
        await expectHealthy(k, b.version);
        k.site.writeManifest(b); // the fresh one
        const mark = await runPlannedSync(k.page, 60_000);
        expect(mark.state).toBe('idle');
        await expectHealthy(k, b.version);
      }
    });
  });
});

describe('sync faults in Chromium: signed manifests', () => {

  it.each(['signed by another key', 'unsigned', 'tampered after signing'] as const)('a manifest %s is refused; the signed one is taken', async (how) => {
    await withKiosk(signedApp, keys.privateJwk, async (k) => {
      const b = await k.site.publishB();
      const wrong: Manifest = how === 'unsigned' ? { ...b, signature: undefined }
        : how === 'tampered after signing' ? { ...b, pages: b.pages.slice(1) }
          : { ...b, signature: { ...b.signature!, value: (await signManifest(b, other.privateJwk)).signature.value } };
      k.site.writeManifest(wrong);
      await attempt(k, '/content/manifest.json');
      expect(await lastErrorCode(k.page)).toBe(how === 'unsigned' ? 'unsigned' : 'bad-signature');
      await expectHealthy(k, k.a.version);
      k.site.writeManifest(b);
      await converge(k, b.version);
      await expectHealthy(k, b.version);
    });
  });
});
