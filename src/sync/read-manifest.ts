/**
 * Turns downloaded manifest bytes into a manifest: the root (JSON, then, when the app was built
 * with public keys, the signature over the parsed JSON, then the schema), its pages (checked by
 * the caller against the root's sha256, then JSON and schema here), and the expanded Manifest
 * made of both. Throws SyncError 'invalid-manifest' (located: the page's URL and the member),
 * 'unsigned' or 'bad-signature'.
 */
import * as v from 'valibot';
import {
  type AssetEntry, type Manifest, type ManifestPage, ManifestPageSchema, type RootManifest, RootManifestSchema,
} from '../content/manifest.ts';
import { type SignatureCrypto, verifyManifestSignature } from './signature.ts';
import { SyncError } from './sync-error.ts';

function parse<S extends v.GenericSchema>(schema: S, raw: unknown, where: string): v.InferOutput<S> {
  const r = v.safeParse(schema, raw);
  if (r.success) return r.output;
  const i = r.issues[0];
  throw new SyncError('invalid-manifest', `${where}${v.getDotPath(i) ?? '(root)'} ${i.message}`);
}

function json(bytes: Uint8Array, where: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new SyncError('invalid-manifest', `${where}not JSON`, { cause: e });
  }
}

export async function readManifest(
  bytes: Uint8Array,
  publicKeys: readonly JsonWebKey[],
  subtle: SignatureCrypto,
): Promise<RootManifest> {
  const raw = json(bytes, '');
  // Before the schema: valibot's output drops unknown members, the signature covers them all.
  if (publicKeys.length > 0) await verifyManifestSignature(raw, publicKeys, subtle);
  return parse(RootManifestSchema, raw, '');
}

/** A page's entries; `url` (the root's entry) locates the error. */
export function readPage(bytes: Uint8Array, url: string): ManifestPage {
  return parse(ManifestPageSchema, json(bytes, `${url}: `), `${url}: `);
}

/**
 * The root with its pages' entries, in the root's page order: items sorted by id, assets by
 * path. An asset path listed by two pages with different files is refused.
 */
export function expandManifest(root: RootManifest, pages: readonly ManifestPage[]): Manifest {
  const assets = new Map<string, AssetEntry>();
  for (const a of pages.flatMap((p) => p.assets)) {
    const had = assets.get(a.path);
    if (had && had.hash !== a.hash) throw new SyncError('invalid-manifest', `pages disagree on ${a.path}`);
    assets.set(a.path, a);
  }
  const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    ...root,
    items: pages.flatMap((p) => p.items).sort(byKey((e) => e.id)),
    assets: [...assets.values()].sort(byKey((e) => e.path)),
  };
}
