/**
 * Signs a compiled manifest's root with the publisher's Ed25519 private key (Node's WebCrypto).
 * The signature covers the UTF-8 bytes of JSON.stringify(root without `signature`), and through
 * the pages' sha256 in it every page, item and asset; the screen checks it with
 * src/sync/signature.ts against the public keys the app was built with.
 *
 * @example
 *   const jwk = readPrivateKey(process.env.SW_SIGNING_KEY!);
 *   const signed = await signManifest(manifest, jwk);
 */
import { readFileSync } from 'node:fs';
import { type RootManifest, rootOf } from '../../src/content/manifest.ts';
import { toBase64url } from '../../src/sync/base64url.ts';
import { jwkThumbprint, publicEd25519 } from '../../src/sync/jwk-thumbprint.ts';
import { signedPayload } from '../../src/sync/signature.ts';

const subtle = globalThis.crypto.subtle;

export type SignedManifest = RootManifest & { signature: { key: string; value: string } };

/** Reads a private JWK file written by `npm run keys`; throws with the path if it is not one. */
export function readPrivateKey(path: string): JsonWebKey {
  const jwk = JSON.parse(readFileSync(path, 'utf8')) as JsonWebKey;
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.d !== 'string') {
    throw new Error(`${path}: not an Ed25519 private JWK (make one with npm run keys)`);
  }
  return jwk;
}

/** The public JWK of a private one (kty, crv, x only). */
export const publicJwkOf = (privateJwk: JsonWebKey): JsonWebKey => publicEd25519(privateJwk);

/** The root (of an expanded manifest too) with `signature: { key: <JWK thumbprint>, value:
 * <base64url Ed25519> }`; an existing signature is replaced. */
export async function signManifest(manifest: RootManifest, privateJwk: JsonWebKey): Promise<SignedManifest> {
  const { signature: _, ...unsigned } = rootOf(manifest);
  const key = await subtle.importKey('jwk', privateJwk, { name: 'Ed25519' }, false, ['sign']);
  const value = new Uint8Array(await subtle.sign('Ed25519', key, signedPayload(unsigned)));
  return { ...unsigned, signature: { key: await jwkThumbprint(privateJwk, subtle), value: toBase64url(value) } };
}

/** A new Ed25519 key pair as JWKs. */
export async function generateSigningKeys(): Promise<{ privateJwk: JsonWebKey; publicJwk: JsonWebKey; kid: string }> {
  const pair = await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  if (!('privateKey' in pair)) throw new Error('Ed25519 key generation returned no key pair');
  const privateJwk = await subtle.exportKey('jwk', pair.privateKey);
  const publicJwk = publicEd25519(await subtle.exportKey('jwk', pair.publicKey));
  return { privateJwk, publicJwk, kid: await jwkThumbprint(publicJwk, subtle) };
}
