/**
 * The compiled manifest (dist/content/manifest.json): the only mutable file of a published
 * content set. Everything it references is content-addressed and immutable.
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

export const ManifestSchema = v.object({
  format: v.literal(1),
  /** sha256 over everything the manifest lists: equal versions mean identical content. */
  version: Sha256,
  /** ISO instant of the build that first produced this version. */
  generated: v.string(),
  settings: SettingsSchema,
  screens: v.array(ScreenSchema),
  calendar: CalendarEntrySchema,
  items: v.array(ItemEntrySchema),
  assets: v.array(AssetEntrySchema),
  /**
   * Ed25519 signature by the publisher's key over the UTF-8 bytes of
   * JSON.stringify(manifest without `signature`); `key` names the key (its JWK thumbprint).
   */
  signature: v.optional(v.object({ key: v.string(), value: v.string() })),
});

export type ItemEntry = v.InferOutput<typeof ItemEntrySchema>;
export type AssetEntry = v.InferOutput<typeof AssetEntrySchema>;
export type CalendarEntry = v.InferOutput<typeof CalendarEntrySchema>;
export type Manifest = v.InferOutput<typeof ManifestSchema>;
