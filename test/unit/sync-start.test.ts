/**
 * The edge wiring (startSync) with the page's globals stubbed: fake-indexeddb, an in-memory
 * Cache Storage, a fake server as fetch. Checks what main.ts relies on: the stored set plays
 * at once, a first run starts by itself, `online` asks for a run, persist() is requested.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSync } from '../../src/sync/start-sync.ts';
import type { SyncStatus } from '../../src/sync/sync-status.ts';
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
let listeners: Map<string, () => void>;
let persist: ReturnType<typeof vi.fn>;

beforeEach(() => {
  resetIndexedDB();
  server = new FakeServer(BASE, new FakeClock(), 0);
  listeners = new Map();
  persist = vi.fn(async () => true);
  vi.stubGlobal('isSecureContext', true);
  vi.stubGlobal('caches', new MemoryCacheStorage());
  vi.stubGlobal('navigator', { storage: { persist } });
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => server.fetch(url, init));
  vi.stubGlobal('addEventListener', (type: string, l: () => void) => listeners.set(type, l));
  vi.stubGlobal('removeEventListener', (type: string) => listeners.delete(type));
});
afterEach(() => vi.unstubAllGlobals());

describe('startSync (edge wiring)', () => {
  it('syncs at start, plays the stored set after a restart, and runs again on `online`', async () => {
    const set = await buildSet({ items: { tip: item('秋燥') }, syncInterval: 120 });
    server.publish(set);
    const first = await startSync({ base: BASE });
    expect(persist).toHaveBeenCalled();
    expect(first.source.current()).toBeUndefined(); // nothing stored yet: the display shows its card
    await until(first.status, (s) => s.state === 'idle' && s.activeVersion === set.manifest.version);
    expect(first.source.current()?.items.map((i) => i.id)).toEqual(['tip']);
    expect(first.status.get().nextAttempt! - first.status.get().lastSync!).toBeGreaterThanOrEqual(108_000);
    first.stop();
    expect(listeners.has('online')).toBe(false);

    // Restart offline: the stored set is there before any network answer.
    server.faults.set('manifest.json', 'network');
    const request = vi.fn((_name: string, _o: unknown, run: () => unknown) => Promise.resolve(run()));
    vi.stubGlobal('navigator', { storage: { persist }, locks: { request } });
    const again = await startSync({ base: BASE, onlineJitterMs: 0 });
    expect(again.source.current()?.manifest.version).toBe(set.manifest.version);
    await until(again.status, (s) => s.state === 'offline');
    expect(again.status.get()).toMatchObject({ activeVersion: set.manifest.version, lastError: { code: 'network' } });
    server.faults.clear();
    const next = await buildSet({ items: { tip: item('秋燥'), water: item('多喝水') } });
    server.publish(next);
    const seen = new Promise((r) => again.source.subscribe(r));
    listeners.get('online')!();
    await until(again.status, (s) => s.activeVersion === next.manifest.version && s.state === 'idle');
    await seen;
    expect(again.source.current()?.items).toHaveLength(2);
    expect(request.mock.calls.every(([name]) => name === 'science-window-sync')).toBe(true);
    expect(request).toHaveBeenCalledTimes(2); // each run holds the origin-wide lock
    again.stop();
  });

  it('refuses to start outside a secure context (the caller falls back)', async () => {
    vi.stubGlobal('isSecureContext', false);
    await expect(startSync({ base: BASE })).rejects.toThrow(/secure context/);
  });
});
