/**
 * The screen's side of the fleet wire contract (src/fleet/protocol.ts): one POST, its answer
 * or a failure said as data (never thrown), so the reporter can back off, wait out a 429, or
 * drop the records the server will never take.
 */
import { API_BASE, type Heartbeat, type HeartbeatAnswer, type IngestAnswer, type ProtocolIssue, type RecordBatch } from '../../fleet/protocol.ts';
import type { FetchLike } from '../fetch-bytes.ts';
import type { Timers } from '../timers.ts';

export interface FleetLine {
  fetch: FetchLike;
  timers: Timers;
  /** The fleet server's root, e.g. https://fleet.example.org/ */
  url: URL;
  token: string;
  timeoutMs?: number;
}

export type Answer<T> =
  | { ok: true; body: T; date: number | undefined }
  | { ok: false; status: number; detail: string; retryAfterS?: number; issues?: ProtocolIssue[] };

const TIMEOUT_MS = 30_000;

async function post<T>(line: FleetLine, path: string, body: unknown): Promise<Answer<T>> {
  const ctl = new AbortController();
  const cancel = line.timers.after(line.timeoutMs ?? TIMEOUT_MS, () => ctl.abort());
  try {
    const res = await line.fetch(new URL(`.${API_BASE}/${path}`, line.url).href, {
      method: 'POST', signal: ctl.signal, cache: 'no-store',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${line.token}` },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    const json = (() => {
      try {
        return JSON.parse(text) as Record<string, unknown>;
      } catch {
        return undefined;
      }
    })();
    if (res.ok && json) return { ok: true, body: json as T, date: Date.parse(res.headers.get('Date') ?? '') || undefined };
    const retry = Number(res.headers.get('Retry-After'));
    return {
      ok: false, status: res.status, detail: `${path}: HTTP ${res.status} ${String(json?.error ?? text.slice(0, 80))}`,
      ...(retry > 0 ? { retryAfterS: retry } : {}),
      ...(Array.isArray(json?.issues) ? { issues: json.issues as ProtocolIssue[] } : {}),
    };
  } catch (e) {
    return { ok: false, status: 0, detail: `${path}: ${ctl.signal.aborted ? 'timeout' : String(e)}` };
  } finally {
    cancel();
  }
}

export const sendRecords = (line: FleetLine, batch: RecordBatch) => post<IngestAnswer>(line, 'records', batch);
export const sendHeartbeat = (line: FleetLine, beat: Heartbeat) => post<HeartbeatAnswer>(line, 'heartbeat', beat);
