/**
 * The compiled manifest, format 2: a small root (dist/content/manifest.json, the only mutable
 * file of a published content set, and the one that is signed) naming content-addressed pages
 * (pages/<sha256>.json) that hold the item and asset entries. Everything the root references is
 * immutable, and the root names each page by its sha256, so a signature over the root covers
 * every page, item and asset transitively. One changed item moves the root and one page.
 *
 * On the screen, the root and its verified pages make one expanded `Manifest` (the root's
 * members plus every page's items and assets): that is what is committed and played.
 */
import * as v from 'valibot';
import { KINDS } from './keys.ts';
import { ScreenSchema, SettingsSchema } from './schema.ts';

const Sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const RelUrl = v.pipe(v.string(), v.regex(/^[a-z]+\/[0-9a-f]{64}\.[a-z0-9]+$/));

export const ItemEntrySchema = v.object({
  id: v.string(),
  kind: v.picklist(KINDS),
  hash: Sha256,
  url: RelUrl,
  bytes: v.number(),
});

export const AssetEntrySchema = v.object({
  /** The path editors write, relative to content/ (e.g. "assets/autumn/climb.svg"). */
  path: v.string(),
  hash: Sha256,
  url: RelUrl,
  bytes: v.number(),
  type: v.string(),
});

export const CalendarEntrySchema = v.object({
  hash: Sha256,
  url: RelUrl,
  bytes: v.number(),
  firstYear: v.number(),
  lastYear: v.number(),
});

/** A page as the root names it: "pages/<sha256>.json". */
export const PageEntrySchema = v.object({ hash: Sha256, url: RelUrl, bytes: v.number() });

/**
 * One page (pages/<sha256>.json, minified): the entries of the items whose id falls in it
 * (by a stable hash of the id, see tools/lib/pages.ts) and of the assets those items use.
 */
export const ManifestPageSchema = v.object({
  items: v.array(ItemEntrySchema),
  assets: v.array(AssetEntrySchema),
});

export const RootManifestSchema = v.object({
  format: v.literal(2),
  /** sha256 over everything the root lists: equal versions mean identical content. */
  version: Sha256,
  /** ISO instant of the build that first produced this version. */
  generated: v.string(),
  settings: SettingsSchema,
  screens: v.array(ScreenSchema),
  calendar: CalendarEntrySchema,
  pages: v.array(PageEntrySchema),
  /**
   * Ed25519 signature by the publisher's key over the UTF-8 bytes of
   * JSON.stringify(root without `signature`); `key` names the key (its JWK thumbprint).
   */
  signature: v.optional(v.object({ key: v.string(), value: v.string() })),
});

export type ItemEntry = v.InferOutput<typeof ItemEntrySchema>;
export type AssetEntry = v.InferOutput<typeof AssetEntrySchema>;
export type CalendarEntry = v.InferOutput<typeof CalendarEntrySchema>;
export type PageEntry = v.InferOutput<typeof PageEntrySchema>;
export type ManifestPage = v.InferOutput<typeof ManifestPageSchema>;
export type RootManifest = v.InferOutput<typeof RootManifestSchema>;
/** The root with its pages read: items sorted by id, assets by path (each path once). */
export type Manifest = RootManifest & ManifestPage;

/** The root's members of a (possibly expanded) manifest, in the published order. */
export function rootOf(m: RootManifest): RootManifest {
  const { format, version, generated, settings, screens, calendar, pages, signature } = m;
  return { format, version, generated, settings, screens, calendar, pages, ...(signature ? { signature } : {}) };
}
