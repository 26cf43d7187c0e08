/**
 * The Ed25519 public keys the app is built with: `SW_PUBLIC_KEYS` (JSON) or the committed file
 * keys/public-keys.json, `{ "keys": [jwk, …] }` (two while rotating). None: manifests need no
 * signature. The private key never comes near this file.
 */
import { existsSync, readFileSync } from 'node:fs';

export const PUBLIC_KEYS_FILE = 'keys/public-keys.json';

export function readPublicKeys(env = process.env, file = PUBLIC_KEYS_FILE): JsonWebKey[] {
  const text = env.SW_PUBLIC_KEYS ?? (existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  if (!text) return [];
  const parsed = JSON.parse(text) as { keys?: JsonWebKey[] };
  const keys = parsed.keys ?? [];
  for (const k of keys) {
    if (k.kty !== 'OKP' || k.crv !== 'Ed25519' || !k.x || 'd' in k) {
      throw new Error(`${file}: every key must be a public Ed25519 JWK (kty OKP, crv Ed25519, x, and no "d")`);
    }
  }
  return keys;
}
