/**
 * One exchange with the fleet server, driven by a page's report (page instants throughout, so
 * a fake clock drives it): the heartbeat when due (every settings.fleet.heartbeat seconds,
 * ±10%), then the waiting records, oldest first, in batches of MAX_BATCH, at most
 * BATCHES_PER_EXCHANGE per report (the server's rate limit), of the current screen id only
 * (records of an id the box had before wait for it, counted in the beat). Acknowledged records are
 * deleted; failures back off with the sync's full jitter; a 429 waits its Retry-After;
 * records the server calls malformed (it never will take them) are dropped and counted as
 * errors with the reason, so one bad record cannot hold the queue for ever; a 400 of the whole
 * batch drops nothing.
 */
import { heartbeatOf } from '../../content/defaults.ts';
import type { Settings } from '../../content/schema.ts';
import { BUILTIN_ID } from '../../frame/glass.ts';
import { type Heartbeat, MAX_BATCH } from '../../fleet/protocol.ts';
import { backoffDelay } from '../backoff.ts';
import type { FetchLike } from '../fetch-bytes.ts';
import { FRESH_FLEET, type FleetState, type SyncState } from '../store/db-schema.ts';
import type { StoreDb } from '../store/open-store.ts';
import type { Timers } from '../timers.ts';
import type { AirReport } from '../worker-protocol.ts';
import { type FleetLine, sendHeartbeat, sendRecords } from './fleet-client.ts';
import { sourceOf } from './periods.ts';
import { drop, oldest, otherScreens } from './record-log.ts';

export const BATCHES_PER_EXCHANGE = 5;

export type Storage = Heartbeat['storage'];

export interface ExchangeDeps {
  fetch: FetchLike;
  timers: Timers;
  random: () => number;
  build: string;
  scope: URL;
  syncState: () => Promise<SyncState>;
  storage: () => Promise<Storage>;
}

/** The sync engine's memory as a heartbeat says it. */
export function lastSyncOf(s: SyncState | undefined): Heartbeat['lastSync'] {
  if (!s?.lastAttempt) return { result: 'never', at: null };
  const failed = s.lastError && (s.lastSync ?? 0) < s.lastAttempt;
  const result = !failed ? 'ok' : s.lastError!.code === 'network' || s.lastError!.code === 'timeout' ? 'offline' : 'error';
  return { result, at: new Date(s.lastAttempt).toISOString() };
}

/** Whether `due` has come at `at`; a due instant far ahead (a clock set back) counts as come. */
const isDue = (due: number, at: number, spanMs: number) => at >= due || due - at > 2 * spanMs;

export async function exchange(db: StoreDb, r: AirReport, settings: Settings, d: ExchangeDeps): Promise<void> {
  const line: FleetLine = { fetch: d.fetch, timers: d.timers, url: new URL(settings.fleet!.url, d.scope), token: r.token! };
  const beatMs = heartbeatOf(settings) * 1000;
  const state: FleetState = { ...FRESH_FLEET, ...(await db.get('fleet', 'fleet')) };
  /** A failure, counted `n` times in the next beat's errors (records dropped count one each). */
  const failed = (detail: string, n = 1) => {
    state.failures++;
    state.errors = { count: state.errors.count + n, last: detail.slice(0, 200) };
    state.last = { at: r.at, ok: false, detail };
  };
  const pageErrors = r.err - (state.pageErrors?.session === r.s ? state.pageErrors.count : 0);
  const [beatDue, uploadDue] = [isDue(state.nextBeat, r.at, beatMs), isDue(state.nextUpload, r.at, 30 * 60_000)];
  if (!beatDue && !uploadDue) return;

  if (beatDue) {
    const beat = heartbeat(r, state, pageErrors, await d.syncState(), await d.storage(), d.build.slice(0, 200), await otherScreens(db, r.screen!));
    const t0 = d.timers.now();
    const answer = await sendHeartbeat(line, beat);
    state.nextBeat = r.at + beatMs * (0.9 + 0.2 * d.random());
    if (answer.ok) {
      const server = Date.parse(answer.body.serverTime) || answer.date;
      if (server) state.clockOffsetMs = Math.round(r.at + (d.timers.now() - t0) / 2 - server);
      state.errors = { count: 0 };
      state.pageErrors = { session: r.s, count: r.err };
      state.last = { at: r.at, ok: true };
    } else failed(answer.detail);
  }

  if (uploadDue) await upload(db, line, r, state, failed, d.random);
  await putState(db, state);
}

async function upload(db: StoreDb, line: FleetLine, r: AirReport, state: FleetState, failed: (d: string, n?: number) => void, random: () => number) {
  let size: number = MAX_BATCH;
  for (let i = 0; i < BATCHES_PER_EXCHANGE; i++) {
    // Only this screen's: its token cannot send another's (403), and they must not hold the queue.
    const sent = await oldest(db, size, r.screen!);
    if (!sent.length) {
      state.nextUpload = state.nextBeat; // nothing waits: the next goes with the next beat
      return;
    }
    const answer = await sendRecords(line, { screen: r.screen!, records: sent.map((p) => p.record) });
    // No answer (a reset, a timeout, a 5xx): the server may hold them, so they must not be folded.
    if (!answer.ok && (answer.status === 0 || answer.status >= 500)) doubt(state, sent.map((p) => p.key));
    // A 200 that acknowledges none of the batch is a failure too: back off, or every report resends it.
    const acked = answer.ok && Array.isArray(answer.body.accepted) ? resolve(state, await drop(db, sent, answer.body.accepted)) : 0;
    if (acked) {
      state.failures = 0;
      state.last = { at: r.at, ok: true };
      state.nextUpload = r.at; // more may wait: the next report goes on
      continue;
    }
    if (answer.ok) {
      failed('records: none acknowledged');
      state.nextUpload = r.at + backoffDelay(state.failures, random);
      return;
    }
    if (answer.status === 413 && sent.length > 1) {
      size = Math.ceil(sent.length / 2);
      continue;
    }
    // Records the server will never take must not hold the queue: drop them, each an error with
    // its reason. A 400 of the whole batch (or of it and some records) drops nothing: back off.
    const bad = answer.status === 400 ? malformed(answer.issues ?? [], sent.length) : undefined;
    if (bad) {
      const gone = resolve(state, await drop(db, sent, [...bad.keys()].map((k) => sent[k]!.record.id)));
      const [k, why] = [...bad][0]!;
      failed(`records: ${gone} malformed dropped, e.g. ${sent[k]!.record.id} ${why}`, gone);
      continue;
    }
    failed(answer.detail);
    state.nextUpload = r.at + (answer.retryAfterS ? answer.retryAfterS * 1000 : backoffDelay(state.failures, random));
    return;
  }
}

/** Most keys kept in doubt (a box whose screen id changed may leave some for long). */
const MAX_IN_DOUBT = 2 * BATCHES_PER_EXCHANGE * MAX_BATCH;

/** Marks records sent without an answer: the server may hold them (FleetState.inDoubt). */
function doubt(state: FleetState, keys: readonly number[]): void {
  const set = new Set([...(state.inDoubt ?? []), ...keys]);
  state.inDoubt = [...set].slice(-MAX_IN_DOUBT);
}

/** Records gone from the screen (acknowledged, or dropped) are in doubt no more; returns how many. */
function resolve(state: FleetState, gone: readonly number[]): number {
  if (state.inDoubt && gone.length) {
    const keys = new Set(gone);
    state.inDoubt = state.inDoubt.filter((k) => !keys.has(k));
    if (!state.inDoubt.length) delete state.inDoubt;
  }
  return gone.length;
}

/**
 * The records a 400 names ("records.3.started: bad-instant"), by index, with the reason; or
 * undefined when it names none, or anything but records of this batch (the batch itself).
 */
function malformed(issues: readonly { path: string; message: string }[], n: number): Map<number, string> | undefined {
  const bad = new Map<number, string>();
  for (const i of issues) {
    const m = /^records\.(\d+)(?:\.(.*))?$/.exec(String(i.path));
    const k = Number(m?.[1]);
    if (!m || !(k < n)) return undefined;
    if (!bad.has(k)) bad.set(k, `${m[2] ?? '(record)'}: ${String(i.message).slice(0, 60)}`);
  }
  return bad.size ? bad : undefined;
}

function heartbeat(r: AirReport, state: FleetState, pageErrors: number, sync: SyncState, storage: Storage, build: string, others: number): Heartbeat {
  const on = r.state === 'on';
  return {
    screen: r.screen!, build, version: sourceOf(r.version, undefined).version,
    onAir: on && r.item && r.item !== BUILTIN_ID ? r.item.slice(0, 300) : null, on,
    lastSync: lastSyncOf(sync), storage,
    clockOffsetMs: state.clockOffsetMs ?? 0, uptimeS: Math.max(0, Math.round(r.up)),
    errors: { count: state.errors.count + Math.max(0, pageErrors), ...(state.errors.last ? { last: state.errors.last } : {}) },
    viewport: { width: Math.round(r.w), height: Math.round(r.h) }, orientation: r.h > r.w ? 'portrait' : 'landscape',
    ...(others > 0 ? { otherScreens: others } : {}),
  };
}

/** Writes the exchange's state over the stored one, keeping the glass's open period as recorded meanwhile. */
async function putState(db: StoreDb, state: FleetState): Promise<void> {
  const tx = db.transaction('fleet', 'readwrite');
  const now = await tx.store.get('fleet');
  const merged: FleetState = { ...state, ...(now?.open ? { open: now.open } : {}) };
  if (!now?.open) delete merged.open;
  await Promise.all([tx.store.put(merged, 'fleet'), tx.done]);
}
