import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromBase64url, toBase64url } from '../../src/sync/base64url.ts';
import { jwkThumbprint } from '../../src/sync/jwk-thumbprint.ts';
import { signedPayload, verifyManifestSignature } from '../../src/sync/signature.ts';
import { defaultKeyPath, isInside, privateKeyPath } from '../../tools/keys.ts';
import { rootOf } from '../../src/content/manifest.ts';
import { manifestText } from '../../tools/lib/compile.ts';
import { generateSigningKeys, publicJwkOf, readPrivateKey, signManifest } from '../../tools/lib/sign.ts';
import { buildSet, item } from '../fixtures/sync/content-set.ts';

const subtle = globalThis.crypto.subtle;
const tmp = mkdtempSync(join(tmpdir(), 'sw-keys-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// RFC 8037 appendix A: the Ed25519 example key, its thumbprint and a signature.
const RFC_PRIVATE = {
  kty: 'OKP', crv: 'Ed25519',
  d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
};

describe('WebCrypto Ed25519 and JWK thumbprints (RFC 8037 vectors)', () => {
  it('computes the thumbprint of A.3', async () => {
    expect(await jwkThumbprint(RFC_PRIVATE, subtle)).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('verifies the signature of A.4 with the public key only', async () => {
    const key = await subtle.importKey('jwk', publicJwkOf(RFC_PRIVATE), { name: 'Ed25519' }, false, ['verify']);
    const data = new TextEncoder().encode('eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc');
    const sig = fromBase64url('hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg');
    expect(await subtle.verify('Ed25519', key, sig, data)).toBe(true);
  });

  it.each([[[]], [[0]], [[255, 254, 253]], [[1, 2, 3, 4]], [Array.from({ length: 64 }, (_, i) => i * 4)]])('base64url round-trips %j', (bytes) => {
    const b = new Uint8Array(bytes);
    expect(fromBase64url(toBase64url(b))).toEqual(b);
    expect(toBase64url(b)).not.toMatch(/[+/=]/);
  });
});

describe('signManifest', () => {
  it('signs so that the screen verifies the manifest as written to disk', async () => {
    const keys = await generateSigningKeys();
    const { manifest } = await buildSet({ items: { a: item('甲') } });
    const signed = await signManifest(manifest, keys.privateJwk);
    expect(signed.signature.key).toBe(keys.kid);
    expect(signed.signature.value).toMatch(/^[A-Za-z0-9_-]{86}$/);
    // The compiler writes manifestText (the root, minified); the screen parses that text.
    const onDisk: unknown = JSON.parse(manifestText(signed));
    expect(onDisk).not.toHaveProperty('items');
    await expect(verifyManifestSignature(onDisk, [keys.publicJwk], subtle)).resolves.toBeUndefined();
    // Signing again replaces the signature (same key: same value, Ed25519 is deterministic).
    expect((await signManifest(signed, keys.privateJwk)).signature).toEqual(signed.signature);
    expect(signedPayload(signed)).toEqual(signedPayload(rootOf(manifest)));
  });

  it('refuses a changed byte, a missing signature and an unknown key', async () => {
    const keys = await generateSigningKeys();
    const other = await generateSigningKeys();
    const signed = await signManifest((await buildSet({ items: { a: item('甲') } })).manifest, keys.privateJwk);
    const changed = { ...signed, generated: '2026-10-02T00:00:00.000Z' };
    await expect(verifyManifestSignature(changed, [keys.publicJwk], subtle)).rejects.toMatchObject({ code: 'bad-signature' });
    const { signature: _, ...bare } = signed;
    await expect(verifyManifestSignature(bare, [keys.publicJwk], subtle)).rejects.toMatchObject({ code: 'unsigned' });
    await expect(verifyManifestSignature(signed, [other.publicJwk], subtle)).rejects.toMatchObject({ code: 'bad-signature' });
    await expect(verifyManifestSignature(signed, [other.publicJwk, keys.publicJwk], subtle)).resolves.toBeUndefined();
  });
});

describe('npm run keys', () => {
  const repo = resolve('.');

  it('refuses to put the private key inside the repository or dist/', () => {
    for (const p of ['signing.jwk', 'dist/signing.jwk', 'keys/private.jwk', '.']) {
      expect(() => privateKeyPath(join(repo, p), repo)).toThrow(/inside the repository/);
    }
    expect(privateKeyPath(join(tmp, 'k.jwk'), repo)).toBe(join(tmp, 'k.jwk'));
    expect(isInside('/a/bc', '/a/b')).toBe(false);
  });

  it('defaults to the user config folder', () => {
    expect(defaultKeyPath({ XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe('/cfg/science-window/signing.private.jwk');
    expect(defaultKeyPath({}, '/home/u')).toBe('/home/u/.config/science-window/signing.private.jwk');
  });

  it('writes a private key (mode 0600) and prints the public key and its id', async () => {
    const out = join(tmp, 'cli', 'signing.private.jwk');
    const printed = execFileSync('npx', ['tsx', 'tools/keys.ts', '--out', out], { encoding: 'utf8' });
    const jwk = readPrivateKey(out);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(printed).toContain(JSON.stringify(publicJwkOf(jwk)));
    expect(printed).toContain(await jwkThumbprint(jwk, subtle));
    expect(readFileSync(out, 'utf8')).toContain('"d"');
    const again = spawnSync('npx', ['tsx', 'tools/keys.ts', '--out', out], { encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/exists/);
    const inside = spawnSync('npx', ['tsx', 'tools/keys.ts', '--out', 'dist/signing.jwk'], { encoding: 'utf8' });
    expect(inside.status).toBe(1);
    expect(inside.stderr).toMatch(/inside the repository/);
  }, 30_000);
});
