/**
 * RFC 7638 thumbprint of an Ed25519 public key (RFC 8037: members crv, kty, x in this order):
 * the key id a signed manifest names in `signature.key`.
 */
import { toBase64url } from './base64url.ts';

/** The public part of an Ed25519 JWK, with nothing else (no alg, key_ops, d). */
export function publicEd25519(jwk: JsonWebKey): JsonWebKey {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw new Error('not an Ed25519 JWK');
  }
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
}

/** @example await jwkThumbprint(publicJwk, crypto.subtle) // "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs" */
export async function jwkThumbprint(jwk: JsonWebKey, subtle: Pick<SubtleCrypto, 'digest'>): Promise<string> {
  const { crv, kty, x } = publicEd25519(jwk);
  const text = JSON.stringify({ crv, kty, x });
  return toBase64url(new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text))));
}
