import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffDelay } from '../../src/sync/backoff.ts';
import type { SyncResult } from '../../src/sync/sync-engine.ts';
import { SyncError, type SyncErrorCode } from '../../src/sync/sync-error.ts';
import { createSyncScheduler } from '../../src/bridge/sync-scheduler.ts';
import { FakeClock } from '../fixtures/sync/fake-clock.ts';

/** A yield to let settled promises run (no time passes on the fake clock). */
const flush = () => new Promise<void>((r) => setImmediate(r));

const ok = (at: number, syncInterval?: number): SyncResult => ({ ok: true, changed: false, activeVersion: 'v1', skipped: [], at, syncInterval });
const fail = (code: SyncErrorCode, at: number): SyncResult => ({ ok: false, error: new SyncError(code, 'x'), activeVersion: 'v1', at });

/** A run you finish by hand. */
function manualRun() {
  const calls: { signal: AbortSignal; finish(r: SyncResult): void }[] = [];
  const run = (signal: AbortSignal) => new Promise<SyncResult>((finish) => calls.push({ signal, finish }));
  return { calls, run };
}

/** Deterministic uniform numbers in [0, 1). */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const INTERVAL = 60_000;

describe('backoffDelay (full jitter)', () => {
  it.each([
    [1, 0.999999, 9_999], [2, 0.999999, 19_999], [3, 0.5, 20_000], [5, 0.999999, 159_999],
    [9, 0.999999, 1_799_998], [40, 0.999999, 1_799_998], [9, 0.5, BACKOFF_CAP_MS / 2], [4, 0, 0],
  ])('failures %i, random %d → %i ms', (failures, r, ms) => {
    expect(backoffDelay(failures, () => r)).toBe(ms);
  });

  it('spreads retries over the whole window, so screens do not come back together', () => {
    const random = prng(7);
    const d = Array.from({ length: 2000 }, () => backoffDelay(5, random));
    const ceiling = 160_000;
    expect(Math.min(...d)).toBeLessThan(ceiling * 0.01);
    expect(Math.max(...d)).toBeGreaterThan(ceiling * 0.99);
    const tenths = new Array<number>(10).fill(0);
    d.forEach((x) => tenths[Math.floor((x / ceiling) * 10)]!++);
    for (const n of tenths) expect(n).toBeGreaterThan(140); // about 200 each
  });
});

describe('sync scheduler', () => {
  it('runs at start, then every interval (±10 %), reading the interval each time', async () => {
    const clock = new FakeClock();
    let interval = INTERVAL;
    const runs: number[] = [];
    const s = createSyncScheduler({
      run: async () => (runs.push(clock.now()), ok(clock.now())), timers: clock, random: () => 0.5, intervalMs: () => interval,
    });
    const t0 = clock.now();
    s.start();
    await flush();
    expect(runs).toEqual([t0]);
    expect(s.status.get()).toMatchObject({ state: 'idle', nextAttempt: t0 + INTERVAL, lastSync: t0, activeVersion: 'v1' });
    interval = 120_000;
    clock.advance(INTERVAL);
    await flush();
    expect(runs).toEqual([t0, t0 + INTERVAL]);
    expect(clock.pending()).toEqual([120_000]);
    s.stop();
    expect(clock.pending()).toEqual([]);
  });

  it('plans by the interval a run reports (the content\'s settings) from the first run on, over the page\'s guess', async () => {
    const clock = new FakeClock();
    const runs: number[] = [];
    const s = createSyncScheduler({
      run: async () => (runs.push(clock.now()), ok(clock.now(), 10)), timers: clock, random: () => 0.5, intervalMs: () => INTERVAL,
    });
    const t0 = clock.now();
    s.start();
    await flush();
    expect(s.status.get().nextAttempt).toBe(t0 + 10_000);
    clock.advance(10_000);
    await flush();
    expect(runs).toEqual([t0, t0 + 10_000]);
    s.stop();
  });

  it('soon(): a run at a random point within the window (back online), never later than one planned', async () => {
    const clock = new FakeClock();
    const runs: number[] = [];
    const s = createSyncScheduler({
      run: async () => (runs.push(clock.now()), ok(clock.now())), timers: clock, random: () => 0.25, intervalMs: () => INTERVAL,
    });
    const t0 = clock.now();
    s.start();
    await flush();
    await flush();
    s.soon(30_000);
    expect(s.status.get().nextAttempt).toBe(t0 + 7_500);
    clock.advance(7_500);
    await flush();
    await flush();
    expect(runs).toEqual([t0, t0 + 7_500]);
    // The next run is planned at +57 s (the interval, jittered); at +50 s a draw of +7.5 s
    // would be later, so the planned run is kept.
    expect(s.status.get().nextAttempt).toBe(t0 + 7_500 + 57_000);
    clock.advance(50_000);
    s.soon(30_000);
    expect(s.status.get().nextAttempt).toBe(t0 + 7_500 + 57_000);
    s.stop();
  });

  it('merges overlapping requests: one run at a time, at most one pending', async () => {
    const clock = new FakeClock();
    const { calls, run } = manualRun();
    const s = createSyncScheduler({ run, timers: clock, random: () => 0.5, intervalMs: () => INTERVAL });
    s.start();
    const asked = [s.trigger(), s.trigger(), s.trigger(), s.trigger(), s.trigger()];
    expect(calls).toHaveLength(1);
    expect(new Set(asked).size).toBe(1); // all wait on the same pending run
    expect(s.status.get().state).toBe('syncing');
    calls[0]!.finish(ok(clock.now()));
    await flush();
    expect(calls).toHaveLength(2);
    const again = s.trigger(); // while the 2nd runs: one more, however often asked
    expect(s.trigger()).toBe(again);
    calls[1]!.finish(ok(clock.now()));
    await Promise.all(asked);
    await flush();
    expect(calls).toHaveLength(3);
    calls[2]!.finish(ok(clock.now()));
    await again;
    await flush();
    expect(calls).toHaveLength(3);
    expect(clock.pending()).toHaveLength(1); // back to the interval
  });

  it('backs off with full jitter after failures, up to the cap, and resets after a success', async () => {
    const clock = new FakeClock();
    let failing = true;
    const random = prng(42);
    const draws: number[] = [];
    const s = createSyncScheduler({
      run: async () => (failing ? fail('network', clock.now()) : ok(clock.now())),
      timers: clock, random: () => { const r = random(); draws.push(r); return r; }, intervalMs: () => INTERVAL,
    });
    s.start();
    await flush();
    const delays: number[] = [];
    for (let n = 1; n <= 12; n++) {
      const delay = clock.pending()[0]!;
      delays.push(delay);
      expect(delay).toBe(Math.floor(draws.at(-1)! * Math.min(BACKOFF_CAP_MS, 5_000 * 2 ** n)));
      expect(s.status.get()).toMatchObject({ state: 'offline', failures: n, lastError: { code: 'network' } });
      if (n === 12) failing = false;
      clock.advance(delay);
      await flush();
    }
    expect(Math.max(...delays.slice(8))).toBeLessThan(BACKOFF_CAP_MS);
    expect(delays.slice(0, 3).every((d) => d < 40_000)).toBe(true);
    expect(s.status.get()).toMatchObject({ state: 'idle', failures: 0, lastError: undefined });
    const next = clock.pending()[0]!;
    expect(next).toBeGreaterThanOrEqual(INTERVAL * 0.9);
    expect(next).toBeLessThanOrEqual(INTERVAL * 1.1);
    s.stop();
  });

  it('reports errors that reached the server as error, not offline', async () => {
    const clock = new FakeClock();
    const s = createSyncScheduler({ run: async () => fail('bad-signature', clock.now()), timers: clock, random: () => 0.5, intervalMs: () => INTERVAL });
    s.start();
    await flush();
    expect(s.status.get()).toMatchObject({ state: 'error', lastError: { code: 'bad-signature' }, activeVersion: 'v1' });
    s.stop();
  });

  it('after a quota error, waits long (half the cap to the cap) before trying again', async () => {
    const clock = new FakeClock();
    const s = createSyncScheduler({ run: async () => fail('quota', clock.now()), timers: clock, random: () => 0, intervalMs: () => INTERVAL });
    s.start();
    await flush();
    expect(s.status.get()).toMatchObject({ state: 'error', lastError: { code: 'quota' } });
    expect(clock.pending()).toEqual([BACKOFF_CAP_MS / 2]);
    s.stop();
  });

  it('stop() aborts the run in progress and plans nothing more', async () => {
    const clock = new FakeClock();
    const { calls, run } = manualRun();
    const s = createSyncScheduler({ run, timers: clock, random: () => 0.5, intervalMs: () => INTERVAL });
    s.start();
    s.stop();
    expect(calls[0]!.signal.aborted).toBe(true);
    calls[0]!.finish(fail('aborted', clock.now()));
    await flush();
    expect(clock.pending()).toEqual([]);
    clock.advance(10 * INTERVAL);
    await flush();
    expect(calls).toHaveLength(1);
    await s.trigger(); // stopped: nothing runs
    expect(calls).toHaveLength(1);
  });

  it('a run that rejects (it should not) counts as a failure', async () => {
    const clock = new FakeClock();
    const s = createSyncScheduler({ run: () => Promise.reject(new Error('boom')), timers: clock, random: () => 0.5, intervalMs: () => INTERVAL });
    s.start();
    await flush();
    expect(s.status.get()).toMatchObject({ state: 'error', failures: 1, lastError: { code: 'storage' } });
    s.stop();
  });

  it('notifies subscribers at once and on each change', async () => {
    const clock = new FakeClock();
    const s = createSyncScheduler({ run: async () => ok(clock.now()), timers: clock, random: () => 0.5, intervalMs: () => INTERVAL, initial: { activeVersion: 'v0', failures: 3 } });
    const states: string[] = [];
    const off = s.status.subscribe((x) => states.push(x.state));
    s.start();
    await flush();
    off();
    expect(states[0]).toBe('idle');
    expect(states).toContain('syncing');
    expect(s.status.get()).toMatchObject({ activeVersion: 'v1', failures: 0 });
    s.stop();
  });
});
