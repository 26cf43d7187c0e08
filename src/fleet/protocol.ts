/**
 * The wire contract between a screen and the fleet server (docs/fleet.md): one definition,
 * used by the server to check what arrives and by the screen's worker to build what it sends.
 * Imports valibot and the content keys only, so the service worker can take it without any
 * server code (checked by `npm run deps`).
 *
 *   POST /api/v1/records    Authorization: Bearer <token>   body: RecordBatch
 *        → 200 { accepted: string[], added: number, duplicates: number }
 *   POST /api/v1/heartbeat  Authorization: Bearer <token>   body: Heartbeat
 *        → 200 { serverTime: ISO }   (and a Date header, for the screen's clock offset)
 *   Refusals: 400 { error: 'malformed', issues: [{ path, message }] }, 401 no or bad token,
 *   403 a token of another screen, 413 body over MAX_BODY_BYTES, 429 with Retry-After.
 */
import * as v from 'valibot';
import { KINDS } from '../content/keys.ts';

/** Records in one batch at most. */
export const MAX_BATCH = 500;
/** Bytes of one request body at most (a full batch of plays is about 150 KB). */
export const MAX_BODY_BYTES = 512 * 1024;
/** The API's path prefix. */
export const API_BASE = '/api/v1';

export const ScreenIdSchema = v.pipe(v.string(), v.maxLength(64), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'bad-screen-id'));
const Uuid = v.pipe(v.string(), v.uuid('bad-uuid'));
const IsoInstant = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp('bad-instant'));
const ItemId = v.pipe(v.string(), v.minLength(1), v.maxLength(300));
const Hash = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'bad-hash'));
/** The content version (the manifest's sha256), or null before the first sync. */
const Version = v.nullable(Hash);
const Seconds = v.pipe(v.number(), v.minValue(0), v.maxValue(86_400 * 7));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Short = v.pipe(v.string(), v.maxLength(200));

/** Why a period of the glass ended. `crash` = found unfinished at the next start. */
export const END_REASONS = ['next', 'alert', 'off', 'reload', 'crash'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** One slide on air. `completed` = it stayed its full time. */
export const PlayRecordSchema = v.strictObject({
  type: v.literal('play'),
  id: Uuid,
  screen: ScreenIdSchema,
  item: ItemId,
  kind: v.picklist(KINDS),
  itemHash: Hash,
  version: Version,
  started: IsoInstant,
  seconds: Seconds,
  completed: v.boolean(),
  endedBy: v.picklist(END_REASONS),
});

/** A period of the built-in card (nothing eligible) or of screen-off (outside its hours). */
export const PeriodRecordSchema = v.strictObject({
  type: v.picklist(['card', 'off']),
  id: Uuid,
  screen: ScreenIdSchema,
  version: Version,
  started: IsoInstant,
  seconds: Seconds,
  endedBy: v.picklist(END_REASONS),
});

/**
 * Plays of one item in one hour, folded on a screen that passed its record cap: counts are
 * kept, detail is not. `hour` is the instant the hour starts. `id` is made once, from the id of
 * the total's first play (src/sync/report/fold.ts), and never changes: a resent total is a
 * duplicate. Two folds of the same hour make two totals; the server adds them up.
 */
export const HourlyTotalSchema = v.strictObject({
  type: v.literal('hourly'),
  id: Uuid,
  screen: ScreenIdSchema,
  item: ItemId,
  kind: v.picklist(KINDS),
  version: Version,
  hour: IsoInstant,
  plays: Count,
  completed: Count,
  seconds: Seconds,
});

export const FleetRecordSchema = v.variant('type', [PlayRecordSchema, PeriodRecordSchema, HourlyTotalSchema]);

export const RecordBatchSchema = v.strictObject({
  screen: ScreenIdSchema,
  records: v.pipe(v.array(FleetRecordSchema), v.minLength(1, 'empty-batch'), v.maxLength(MAX_BATCH, 'batch-too-long')),
});

export const SYNC_RESULTS = ['never', 'ok', 'unchanged', 'error', 'offline'] as const;

export const HeartbeatSchema = v.strictObject({
  screen: ScreenIdSchema,
  /** The app build (its version or commit). */
  build: Short,
  version: Version,
  /** The item on air, or null for the card or screen-off. */
  onAir: v.nullable(ItemId),
  /** Within its screen hours (or showing an emergency alert). */
  on: v.boolean(),
  lastSync: v.strictObject({ result: v.picklist(SYNC_RESULTS), at: v.nullable(IsoInstant) }),
  storage: v.strictObject({ used: Count, quota: Count, persisted: v.boolean() }),
  /** Screen clock minus server clock, in ms (from the Date header of the last answer). */
  clockOffsetMs: v.pipe(v.number(), v.integer()),
  uptimeS: Count,
  /** Errors since the last beat, and the code of the last one. */
  errors: v.strictObject({ count: Count, last: v.optional(Short) }),
  viewport: v.strictObject({ width: Count, height: Count }),
  orientation: v.picklist(['landscape', 'portrait']),
  /**
   * Records waiting on the screen under another screen id (recorded before the box was given
   * this one): its token cannot send them, so they wait until it is that screen again. Sent
   * only when there are any.
   */
  otherScreens: v.optional(Count),
});

export type PlayRecord = v.InferOutput<typeof PlayRecordSchema>;
export type PeriodRecord = v.InferOutput<typeof PeriodRecordSchema>;
export type HourlyTotal = v.InferOutput<typeof HourlyTotalSchema>;
export type FleetRecord = v.InferOutput<typeof FleetRecordSchema>;
export type RecordBatch = v.InferOutput<typeof RecordBatchSchema>;
export type Heartbeat = v.InferOutput<typeof HeartbeatSchema>;

export interface IngestAnswer {
  /** Every id of the batch the server now holds (new or already there): drop them. */
  accepted: string[];
  added: number;
  duplicates: number;
}

export interface HeartbeatAnswer {
  serverTime: string;
}

export interface ProtocolIssue {
  path: string;
  message: string;
}

/** Valibot issues as `records.3.started: bad-instant` lines (the 400's reason). */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): ProtocolIssue[] {
  return issues.slice(0, 20).map((issue) => ({
    path: (issue.path ?? []).map((p) => String(p.key)).join('.') || '(body)',
    message: issue.message,
  }));
}
