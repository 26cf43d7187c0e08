/**
 * Checks on downloaded bytes: length and sha256 against the manifest entry, then the item
 * schema (the compiler's CompiledItemSchema) or the calendar tables' consistency.
 */
import * as v from 'valibot';
import { type CalendarTablesJson, decodeTables } from '../calendar/tables.ts';
import type { ItemEntry } from '../content/manifest.ts';
import { type CompiledItem, CompiledItemSchema } from '../content/schema.ts';
import { SyncError } from './sync-error.ts';

export type Digest = Pick<SubtleCrypto, 'digest'>;

export async function sha256Hex(subtle: Digest, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const d = new Uint8Array(await subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const b of d) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** Throws 'hash-mismatch' unless the bytes are exactly the entry's. */
export async function checkBytes(
  subtle: Digest,
  bytes: Uint8Array<ArrayBuffer>,
  entry: { hash: string; bytes: number; url: string },
): Promise<void> {
  if (bytes.byteLength !== entry.bytes || (await sha256Hex(subtle, bytes)) !== entry.hash) {
    throw new SyncError('hash-mismatch', entry.url);
  }
}

function json(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

/** The item, or why it is refused (bad UTF-8 or JSON, schema, id or kind not the entry's). */
export function parseItem(bytes: Uint8Array, entry: ItemEntry): { item: CompiledItem } | { problem: string } {
  let data: unknown;
  try {
    data = json(bytes);
  } catch (e) {
    return { problem: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const r = v.safeParse(CompiledItemSchema, data);
  if (!r.success) {
    const i = r.issues[0];
    return { problem: `schema: ${v.getDotPath(i) ?? '(root)'} ${i.message}` };
  }
  if (r.output.id !== entry.id || r.output.kind !== entry.kind) return { problem: 'id or kind differs from the manifest' };
  return { item: r.output };
}

/** The calendar tables JSON, checked by decoding it; throws 'invalid-calendar'. */
export function parseCalendar(bytes: Uint8Array): CalendarTablesJson {
  try {
    const tables = json(bytes) as CalendarTablesJson;
    decodeTables(tables);
    return tables;
  } catch (e) {
    throw new SyncError('invalid-calendar', e instanceof Error ? e.message : String(e), { cause: e });
  }
}
