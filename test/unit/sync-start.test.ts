/**
 * The content split in two, as on a screen: the service worker side (createContentWorker and
 * its answers: the real engine, fake-indexeddb, an in-memory Cache Storage, a fake server) and
 * the page side (startSync: the scheduler asking the worker). Every answer crosses a
 * structuredClone, as a MessagePort would carry it. Checks what main.ts relies on: a first run
 * starts by itself, the stored set plays at once after a restart (a new worker, offline),
 * `online` asks for a run, runs hold the origin-wide lock, persist() is requested.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/sync/store/open-store.ts';
import { answer } from '../../src/sw/answer.ts';
import { createContentWorker, type ContentWorker } from '../../src/sync/content-worker.ts';
import { startSync } from '../../src/bridge/start-sync.ts';
import type { SyncStatus } from '../../src/bridge/sync-status.ts';
import { fromReply, type SyncReply, type WorkerRequest } from '../../src/sync/worker-protocol.ts';
import type { FramesReply } from '../../src/frame/frames-for.ts';
import { buildSet, item } from '../fixtures/sync/content-set.ts';
import { MemoryCacheStorage } from '../fixtures/sync/fake-cache-storage.ts';
import { FakeClock } from '../fixtures/sync/fake-clock.ts';
import { FakeServer } from '../fixtures/sync/fake-server.ts';
import { BASE, resetIndexedDB } from '../fixtures/sync/harness.ts';

const until = (status: { subscribe(l: (s: SyncStatus) => void): () => void }, ok: (s: SyncStatus) => boolean) =>
  new Promise<SyncStatus>((resolve) => {
    const off = status.subscribe((s) => {
      if (ok(s)) {
        queueMicrotask(() => off());
        resolve(s);
      }
    });
  });

let server: FakeServer;
let clock: FakeClock;
let caches: MemoryCacheStorage;
let listeners: Map<string, () => void>;
let persist: ReturnType<typeof vi.fn>;
let lock: ReturnType<typeof vi.fn>;
let commits: string[];

/** A fresh worker (as after the browser stopped the old one) over the same storage. */
function worker(): ContentWorker {
  return createContentWorker({
    base: BASE, fetch: server.fetch, openDb: () => openStore(), caches, crypto: globalThis.crypto.subtle,
    timers: clock, locks: { request: lock } as unknown as LockManager, onCommit: (v) => commits.push(v),
  });
}

/** The page's `ask`: the worker's answer, cloned as a MessagePort clones it. */
const asker = (w: ContentWorker) => async (request: WorkerRequest) => structuredClone(await answer(w, request));

beforeEach(() => {
  resetIndexedDB();
  clock = new FakeClock();
  server = new FakeServer(BASE, clock, 0);
  caches = new MemoryCacheStorage();
  listeners = new Map();
  commits = [];
  persist = vi.fn(async () => true);
  lock = vi.fn((_name: string, run: () => unknown) => Promise.resolve(run()));
  vi.stubGlobal('navigator', { storage: { persist } });
  vi.stubGlobal('addEventListener', (type: string, l: () => void) => listeners.set(type, l));
  vi.stubGlobal('removeEventListener', (type: string) => listeners.delete(type));
});
afterEach(() => vi.unstubAllGlobals());

describe('the worker owns the content; the page schedules and plays', () => {
  it('syncs at start, plays the stored set after a restart, and runs again on `online`', async () => {
    const set = await buildSet({ items: { tip: item('秋燥') }, syncInterval: 120 });
    server.publish(set);
    const w = worker();
    const ask = asker(w);
    expect(await ask({ type: 'frames', screen: 'gate', from: clock.now(), minutes: 60 })).toBeNull(); // nothing stored yet

    const first = await startSync({ ask, intervalMs: () => 120_000, timers: clock });
    expect(persist).toHaveBeenCalled();
    await until(first.status, (s) => s.state === 'idle' && s.activeVersion === set.manifest.version);
    expect(commits).toEqual([set.manifest.version]);
    expect(first.status.get().nextAttempt! - first.status.get().lastSync!).toBeGreaterThanOrEqual(108_000);
    const frames = (await ask({ type: 'frames', screen: 'gate', from: clock.now(), minutes: 60 })) as FramesReply;
    expect(frames.version).toBe(set.manifest.version);
    expect(frames.syncInterval).toBe(120);
    expect(frames.frames[0]!.frame!.loop!.slides.map((s) => s.id)).toEqual(['tip']);
    first.stop();
    expect(listeners.has('online')).toBe(false);

    // Restart offline, with a new worker: the stored set is there before any network answer.
    server.faults.set('manifest.json', 'network');
    const again = await startSync({ ask: asker(worker()), intervalMs: () => 120_000, onlineJitterMs: 0, timers: clock });
    expect(again.status.get()).toMatchObject({ activeVersion: set.manifest.version, failures: 0 });
    const offline = (await asker(worker())({ type: 'frames', screen: 'gate', from: clock.now(), minutes: 60 })) as FramesReply;
    expect(offline.frames[0]!.frame!.loop!.slides.map((s) => s.id)).toEqual(['tip']);
    await until(again.status, (s) => s.state === 'offline');
    expect(again.status.get()).toMatchObject({ activeVersion: set.manifest.version, lastError: { code: 'network' } });

    server.faults.clear();
    const next = await buildSet({ items: { tip: item('秋燥'), water: item('多喝水') } });
    server.publish(next);
    listeners.get('online')!();
    clock.advance(0);
    await until(again.status, (s) => s.activeVersion === next.manifest.version && s.state === 'idle');
    const later = (await ask({ type: 'frames', screen: 'gate', from: clock.now(), minutes: 60 })) as FramesReply;
    expect(later.frames[0]!.frame!.loop!.slides.map((s) => s.id).sort()).toEqual(['tip', 'water']);
    expect(lock.mock.calls.every(([name]) => name === 'science-window-sync')).toBe(true);
    expect(lock).toHaveBeenCalledTimes(3); // each run holds the origin-wide lock
    again.stop();
  });

  it('merges a request that comes during a run into that run', async () => {
    server.publish(await buildSet({ items: { tip: item('秋燥') } }));
    const w = worker();
    const [a, b] = await Promise.all([w.sync(), w.sync()]);
    expect(a).toBe(b);
    expect(server.log.filter((l) => l.path === 'manifest.json')).toHaveLength(1);
    await w.sync();
    expect(server.log.filter((l) => l.path === 'manifest.json')).toHaveLength(2);
  });

  it('a failed run crosses the port as plain data and comes back a SyncError with its code', async () => {
    server.faults.set('manifest.json', 500);
    const reply = (await asker(worker())({ type: 'sync' })) as SyncReply;
    expect(reply).toMatchObject({ ok: false, error: { code: 'http' } });
    const r = fromReply(reply);
    expect(!r.ok && r.error.name === 'SyncError' && r.error.code).toBe('http');
  });
});
