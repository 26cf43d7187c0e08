/**
 * Turns downloaded manifest bytes into a Manifest: JSON, then (when the app was built with
 * public keys) the signature over the parsed JSON, then the schema. Throws SyncError
 * 'invalid-manifest', 'unsigned' or 'bad-signature'.
 */
import * as v from 'valibot';
import { type Manifest, ManifestSchema } from '../content/manifest.ts';
import { type SignatureCrypto, verifyManifestSignature } from './signature.ts';
import { SyncError } from './sync-error.ts';

export async function readManifest(
  bytes: Uint8Array,
  publicKeys: readonly JsonWebKey[],
  subtle: SignatureCrypto,
): Promise<Manifest> {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new SyncError('invalid-manifest', 'not JSON', { cause: e });
  }
  // Before the schema: valibot's output drops unknown members, the signature covers them all.
  if (publicKeys.length > 0) await verifyManifestSignature(raw, publicKeys, subtle);
  const r = v.safeParse(ManifestSchema, raw);
  if (!r.success) {
    const i = r.issues[0];
    throw new SyncError('invalid-manifest', `${v.getDotPath(i) ?? '(root)'} ${i.message}`);
  }
  return r.output;
}
