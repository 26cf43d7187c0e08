/**
 * What a publisher or a mirror gets wrong, on a shared kiosk: an older valid manifest served
 * again (to an unsigned app as to a signed one), a mirror flapping between two versions, a
 * broken item (skipped and logged, the rest commits), a full disk at a sync, and, in a signed
 * build, manifests signed by another key, unsigned or tampered with.
 */
import { expect } from 'vitest';
import type { Manifest } from '../../../src/content/manifest.ts';
import { signManifest } from '../../../tools/lib/sign.ts';
import { lastErrorCode, runPlannedSync } from '../page-state.ts';
import { type Kiosk, matrixCase } from './kiosk.ts';

const MANIFEST = '/content/manifest.json';

export function publisherCases(k: () => Kiosk): void {
  matrixCase('an older valid manifest served again is refused', async () => {
    const kiosk = k();
    await kiosk.settle();
    const older = kiosk.current;
    const next = await kiosk.pub.next('item changed');
    await kiosk.converge(next.version);
    kiosk.pub.serve(older);
    await kiosk.attempt(MANIFEST);
    expect(await lastErrorCode(kiosk.page)).toBe('replayed');
    await kiosk.expectHealthy(next.version);
  });

  matrixCase('a mirror flapping between two versions never moves the glass back', async () => {
    const kiosk = k();
    await kiosk.settle();
    const old = kiosk.current;
    const next = await kiosk.pub.next('item added');
    await kiosk.converge(next.version);
    for (let i = 0; i < 3; i++) {
      kiosk.pub.serve(old); // the stale edge answers
      await kiosk.attempt(MANIFEST);
      expect(await lastErrorCode(kiosk.page)).toBe('replayed');
      await kiosk.expectHealthy(next.version);
      kiosk.pub.serve(next); // the fresh one
      expect((await runPlannedSync(kiosk.page, 60_000)).state).toBe('idle');
      await kiosk.expectHealthy(next.version);
    }
  });

  for (const [name, bytes] of [
    ['invalid JSON', '{ "id": "x", "kind": '],
    ['an item that fails the schema', JSON.stringify({ id: 'x', kind: 'health', titel: 'x' })],
  ] as const) {
    matrixCase(`${name}: skipped and logged, the rest commits; converges when republished`, async () => {
      const kiosk = k();
      await kiosk.settle();
      const bad = await kiosk.pub.nextWithBadItem(bytes);
      await kiosk.converge(bad.version);
      await kiosk.expectHealthy(bad.version);
      const good = await kiosk.pub.next('item changed');
      await kiosk.converge(good.version);
      await kiosk.expectHealthy(good.version);
    });
  }

  matrixCase('a full disk at a sync: the active set plays on; sync resumes when space comes back', async () => {
    const kiosk = k();
    await kiosk.settle();
    const before = kiosk.current;
    const cdp = await kiosk.context.newCDPSession(kiosk.page);
    const origin = new URL(kiosk.site.url).origin;
    try {
      const usage = await kiosk.page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 512 });
      const next = await kiosk.pub.next('item with a new picture');
      // Which write overflows first (item or picture) varies: wait for the run, not a file.
      await kiosk.attempt(MANIFEST);
      expect(await lastErrorCode(kiosk.page)).toBe('quota');
      await kiosk.expectHealthy(before.version);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await kiosk.converge(next.version);
      await kiosk.expectHealthy(next.version);
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    }
  });
}

/** Only in the signed build. */
export function signatureCases(k: () => Kiosk, otherKey: () => JsonWebKey): void {
  for (const how of ['signed by another key', 'unsigned', 'tampered after signing'] as const) {
    matrixCase(`a manifest ${how} is refused; the signed one is taken`, async () => {
      const kiosk = k();
      await kiosk.settle();
      const before = kiosk.current;
      const b = await kiosk.pub.next('item changed');
      const wrong: Manifest = how === 'unsigned' ? { ...b, signature: undefined }
        : how === 'tampered after signing' ? { ...b, pages: b.pages.slice(1) }
          : { ...b, signature: { ...b.signature!, value: (await signManifest(b, otherKey())).signature.value } };
      kiosk.pub.serve(wrong);
      await kiosk.attempt(MANIFEST);
      expect(await lastErrorCode(kiosk.page)).toBe(how === 'unsigned' ? 'unsigned' : 'bad-signature');
      await kiosk.expectHealthy(before.version);
      kiosk.pub.serve(b);
      await kiosk.converge(b.version);
      await kiosk.expectHealthy(b.version);
    });
  }
}
