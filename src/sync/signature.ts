/**
 * Signed manifests: an Ed25519 signature over the UTF-8 bytes of
 * JSON.stringify(manifest without `signature`). The screen verifies against the public keys it
 * was built with (one, or two while keys rotate); tools/lib/sign.ts signs.
 */
import { fromBase64url } from './base64url.ts';
import { jwkThumbprint, publicEd25519 } from './jwk-thumbprint.ts';
import { SyncError } from './sync-error.ts';

export type SignatureCrypto = Pick<SubtleCrypto, 'digest' | 'importKey' | 'verify'>;

/** The bytes a signature covers: the manifest as parsed, minus its `signature` member. */
export function signedPayload(manifest: object): Uint8Array<ArrayBuffer> {
  const { signature: _, ...rest } = manifest as { signature?: unknown };
  return new TextEncoder().encode(JSON.stringify(rest));
}

/**
 * Resolves when `manifest` (the JSON.parse result, before any schema cleaning) carries a valid
 * signature by one of `keys`; throws SyncError 'unsigned' or 'bad-signature' otherwise.
 */
export async function verifyManifestSignature(
  manifest: unknown,
  keys: readonly JsonWebKey[],
  subtle: SignatureCrypto,
): Promise<void> {
  if (typeof manifest !== 'object' || manifest === null) throw new SyncError('unsigned', 'not an object');
  const sig: unknown = (manifest as { signature?: unknown }).signature;
  if (typeof sig !== 'object' || sig === null) throw new SyncError('unsigned');
  const { key, value } = sig as { key?: unknown; value?: unknown };
  if (typeof key !== 'string' || typeof value !== 'string') throw new SyncError('unsigned', 'malformed signature');
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromBase64url(value);
  } catch {
    throw new SyncError('bad-signature', 'signature is not base64url');
  }
  const payload = signedPayload(manifest);
  for (const jwk of keys) {
    if ((await jwkThumbprint(jwk, subtle)) !== key) continue;
    const pub = await subtle.importKey('jwk', publicEd25519(jwk), { name: 'Ed25519' }, false, ['verify']);
    if (await subtle.verify('Ed25519', pub, bytes, payload)) return;
    throw new SyncError('bad-signature', `does not verify with key ${key}`);
  }
  throw new SyncError('bad-signature', `unknown key ${key}`);
}
