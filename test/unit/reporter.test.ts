import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_BATCH } from '../../src/fleet/protocol.ts';
import { openStore } from '../../src/sync/store/open-store.ts';
import { BATCHES_PER_EXCHANGE, lastSyncOf } from '../../src/sync/report/exchange.ts';
import { createReporter } from '../../src/sync/report/reporter.ts';
import { air, SCREEN, T0, V1 } from '../fixtures/report/air.ts';
import { BACKED_OFF_MS, day, depsOf, FLEET, reportOffline, setup, stored } from '../fixtures/report/reporter-setup.ts';
import { resetIndexedDB } from '../fixtures/sync/harness.ts';

beforeEach(resetIndexedDB);

describe('proof of play: the reporter in the worker', () => {
  it('keeps every record on a screen with no fleet server, and sends nothing', async () => {
    const { fleet, reporter } = setup({ settings: {} });
    for (const r of day('p1', T0, 1)) await reporter.report(r);
    expect(await stored()).toBe(29); // 30 slides, the last still on air
    expect(fleet.batches).toEqual([]);
    expect(fleet.beats).toEqual([]);
  });

  it('a screen offline for three days sends them all when back, through 500s, resets and lost answers: every play once', async () => {
    const { fleet, reporter } = setup();
    fleet.always = 'offline';
    const shown: Record<string, number> = {};
    let last = air('p1', T0);
    for (let d = 0; d < 3; d++) {
      for (const r of day('p1', T0 + d * 86_400_000, 12)) {
        await reporter.report(r);
        last = r;
      }
    }
    // The plays the glass showed (the last one is still on air, so not yet a record).
    const slides = [...new Set([0, 1, 2].flatMap((d) => [...day('p1', T0 + d * 86_400_000, 12)]).map((r) => `${r.item}@${r.since}`))];
    for (const key of slides.slice(0, -1)) shown[key.split('@')[0]!] = (shown[key.split('@')[0]!] ?? 0) + 1;
    const waiting = await stored();
    expect(waiting).toBe(slides.length - 1);
    expect(fleet.records.size).toBe(0);

    // Back online, with a flaky ingest: the page goes on reporting (the minute's tick).
    fleet.always = undefined;
    fleet.next = ['500', 'reset', 'lost', '500', 'lost'];
    let t = last.at + BACKED_OFF_MS;
    for (let i = 0; i < 400 && (await stored()) > 0; i++) {
      t += 60_000;
      await reporter.report({ ...last, at: t }); // the last slide, still on the glass
    }
    expect(await stored()).toBe(0);
    expect(fleet.playsPerItem()).toEqual(shown);
    expect(fleet.records.size).toBe(waiting);
    // Lost answers made the screen send those batches again; the server added nothing twice.
    expect(fleet.duplicates).toBeGreaterThan(0);
    expect(Math.max(...fleet.batches)).toBeLessThanOrEqual(MAX_BATCH);
    const plays = [...fleet.records.values()].filter((r) => r.type === 'play');
    expect(new Set(plays.map((r) => `${r.item}@${r.started}`)).size).toBe(plays.length);
    expect(plays.every((r) => r.completed && r.endedBy !== 'crash' && r.itemHash.length === 64 && r.version === V1)).toBe(true);
  });

  it('sends at most a few batches per report, so a backlog goes up under the rate limit', async () => {
    const { fleet, reporter } = setup();
    const last = await reportOffline(fleet, reporter, day('p1', T0, 48, 60));
    const waiting = await stored();
    expect(waiting).toBeGreaterThan(BATCHES_PER_EXCHANGE * MAX_BATCH);
    fleet.always = undefined;
    await reporter.report({ ...last, at: last.at + BACKED_OFF_MS });
    expect(fleet.batches).toEqual(Array(BATCHES_PER_EXCHANGE).fill(MAX_BATCH));
    expect(await stored()).toBe(waiting - BATCHES_PER_EXCHANGE * MAX_BATCH);
  });

  it('waits out a 429 for its Retry-After, in the page\'s time', async () => {
    const { fleet, reporter } = setup();
    for (const r of day('p1', T0, 0.2)) await reporter.report(r); // the first beat and upload happen here
    fleet.batches.length = 0;
    fleet.always = { status: 429, retryAfterS: 600 };
    const t = T0 + 1_400_000; // past the next beat: a beat and an upload are due
    await reporter.report(air('p1', t, { item: 'safety/fire', kind: 'safety' }));
    fleet.always = undefined;
    await reporter.report(air('p1', t + 599_000, { item: 'health/water', since: t + 599_000 }));
    expect(fleet.batches).toEqual([]);
    await reporter.report(air('p1', t + 601_000, { item: 'safety/fire', kind: 'safety', since: t + 601_000 }));
    expect(fleet.batches.length).toBe(1);
  });

  it('drops only the records the server calls malformed, and halves a batch it calls too large', async () => {
    const { fleet, reporter } = setup();
    const last = await reportOffline(fleet, reporter, day('p1', T0, 2));
    const waiting = await stored();
    const db = await openStore();
    const bad = (await db.getAll('records', undefined, 3)).map((r) => r.id).slice(1, 3);
    db.close();
    fleet.always = undefined;
    fleet.next = [{ status: 400, bad }, { status: 413, over: 20 }];
    await reporter.report({ ...last, at: last.at + BACKED_OFF_MS });
    await reporter.report({ ...last, at: last.at + BACKED_OFF_MS + 1_000 });
    expect(await stored()).toBe(0);
    expect(fleet.records.size).toBe(waiting - 2);
    expect(bad.some((id) => fleet.records.has(id))).toBe(false);
    expect(fleet.batches).toContain(Math.ceil(waiting / 2) - 1);
  });

  it('beats every heartbeat seconds with jitter, saying what the glass shows, and learns its clock offset', async () => {
    const { fleet, reporter, setRandom } = setup();
    fleet.serverTime = T0 - 2_000; // the screen's clock is 2 s ahead of the server's
    setRandom(1); // the next beat in 300 s × 1.1
    await reporter.report(air('p1', T0, { err: 3, up: 42.4, w: 1080, h: 1920 }));
    expect(fleet.beats).toHaveLength(1);
    expect(fleet.beats[0]).toEqual({
      screen: SCREEN, build: '0.1.0+test', version: V1, onAir: 'health/water', on: true,
      lastSync: { result: 'ok', at: new Date(T0 - 5_000).toISOString() }, storage: { used: 1_000, quota: 10_000, persisted: true },
      clockOffsetMs: 0, uptimeS: 42, errors: { count: 3 }, viewport: { width: 1080, height: 1920 }, orientation: 'portrait',
    });
    await reporter.report(air('p1', T0 + 320_000, { err: 4 }));
    expect(fleet.beats).toHaveLength(1);
    await reporter.report(air('p1', T0 + 331_000, { err: 4, item: 'builtin/today', kind: 'notice' }));
    expect(fleet.beats).toHaveLength(2);
    // Errors since the last beat only; the card is no item on air; the offset from the last answer.
    expect(fleet.beats[1]).toMatchObject({ onAir: null, on: true, errors: { count: 1 }, clockOffsetMs: 2_000 });
  });

  it('beats at once when the clock was set back past its next beat', async () => {
    const { fleet, reporter } = setup();
    await reporter.report(air('p1', T0));
    await reporter.report(air('p1', T0 - 86_400_000, { since: T0 - 86_400_000 }));
    expect(fleet.beats).toHaveLength(2);
  });

  it('past its cap folds the oldest plays into hourly totals: no count lost', async () => {
    // Ten hours of minute slides (600 plays): a fold of ~40 plays makes a total per item, never merged again.
    const { fleet, reporter } = setup({ cap: 300 });
    fleet.always = 'offline';
    let last = air('p1', T0);
    let slides = 0;
    for (const r of day('p1', T0, 10, 60)) {
      await reporter.report(r);
      if (r.since === r.at) slides++;
      last = r;
    }
    // The cap is looked at every tenth of it: passed by that much at most.
    expect(await stored()).toBeLessThanOrEqual(330);
    fleet.always = undefined;
    for (let i = 0; i < 20 && (await stored()) > 0; i++) await reporter.report({ ...last, at: last.at + BACKED_OFF_MS + i * 1_000 });
    const held = fleet.playsPerItem();
    expect(Object.values(held).reduce((a, b) => a + b, 0)).toBe(slides - 1);
    expect([...fleet.records.values()].some((r) => r.type === 'hourly')).toBe(true);
  });

  it('reads the fleet settings of the content the screen plays from its store when not given them', async () => {
    const { fleet } = setup();
    const db = await openStore();
    const manifest = { version: V1, settings: FLEET, items: [{ id: 'health/water', kind: 'health', hash: 'b'.repeat(64), url: 'items/x.json', bytes: 1 }] };
    await db.put('manifests', { version: V1, manifest: manifest as never, committed: T0, skipped: [] });
    await db.put('state', { activeVersion: V1, failures: 0 }, 'sync');
    db.close();
    const { settings: _given, ...deps } = depsOf(fleet);
    const reporter = createReporter(deps);
    await reporter.report(air('p1', T0));
    await reporter.report(air('p1', T0 + 12_000, { item: 'safety/fire', kind: 'safety' }));
    expect(fleet.beats.map((b) => b.screen)).toEqual([SCREEN]);
    const stored = await openStore();
    expect((await stored.getAll('records'))[0]).toMatchObject({ item: 'health/water', itemHash: 'b'.repeat(64) });
    stored.close();
  });

  it('says the last sync as a heartbeat does', () => {
    expect(lastSyncOf({ failures: 0 })).toEqual({ result: 'never', at: null });
    expect(lastSyncOf({ failures: 1, lastAttempt: 10, lastSync: 5, lastError: { code: 'network', detail: '' } })).toEqual({ result: 'offline', at: new Date(10).toISOString() });
    expect(lastSyncOf({ failures: 1, lastAttempt: 10, lastError: { code: 'hash-mismatch', detail: '' } }).result).toBe('error');
    expect(lastSyncOf({ failures: 0, lastAttempt: 10, lastSync: 10, lastError: { code: 'network', detail: '' } }).result).toBe('ok');
  });
});
