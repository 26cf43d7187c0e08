/** The wire contract: what a screen may send, and how a refusal says where it went wrong. */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { describeIssues, HeartbeatSchema, MAX_BATCH, RecordBatchSchema } from '../../src/fleet/protocol.ts';
import { beat, period, play } from './fixtures.ts';

const issues = (x: unknown) => {
  const r = v.safeParse(RecordBatchSchema, x);
  return r.success ? [] : describeIssues(r.issues);
};

describe('record batches', () => {
  it('take plays, card and off periods and hourly totals', () => {
    const hourly = { type: 'hourly', id: crypto.randomUUID(), screen: 's', item: 'health/x', kind: 'health', version: null, hour: '2026-12-01T01:00:00Z', plays: 300, completed: 290, seconds: 3600 };
    expect(issues({ screen: 's', records: [play('s', '2026-12-01T01:00:00.000Z'), period('s', '2026-12-01T01:00:12+08:00', 'off', 600), hourly] })).toEqual([]);
  });

  it.each([
    ['a bad uuid', { id: 'not-a-uuid' }, 'records.0.id', 'bad-uuid'],
    ['a bad instant', { started: '2026-12-01' }, 'records.0.started', 'bad-instant'],
    ['a negative length', { seconds: -1 }, 'records.0.seconds', undefined],
    ['an unknown ending', { endedBy: 'magic' }, 'records.0.endedBy', undefined],
    ['an unknown key', { extra: 1 }, 'records.0.extra', undefined],
    ['a bad hash', { itemHash: 'xyz' }, 'records.0.itemHash', 'bad-hash'],
  ])('refuse %s, saying where', (_, over, path, message) => {
    const [first] = issues({ screen: 's', records: [{ ...play('s', '2026-12-01T01:00:00Z'), ...over }] });
    expect(first?.path).toBe(path);
    if (message) expect(first?.message).toBe(message);
  });

  it(`hold 1 to ${MAX_BATCH} records`, () => {
    expect(issues({ screen: 's', records: [] })).toEqual([{ path: 'records', message: 'empty-batch' }]);
    const many = Array.from({ length: MAX_BATCH + 1 }, () => period('s', '2026-12-01T01:00:00Z', 'card', 1));
    expect(issues({ screen: 's', records: many })).toEqual([{ path: 'records', message: 'batch-too-long' }]);
    expect(issues({ screen: 'S P A C E', records: many.slice(1) })[0]).toEqual({ path: 'screen', message: 'bad-screen-id' });
  });
});

describe('heartbeats', () => {
  it('take a full beat and refuse a partial one', () => {
    expect(v.safeParse(HeartbeatSchema, beat('s')).success).toBe(true);
    const { storage: _, ...partial } = beat('s');
    const r = v.safeParse(HeartbeatSchema, partial);
    expect(r.success ? [] : describeIssues(r.issues).map((i) => i.path)).toEqual(['storage']);
  });
  it('may say how many records wait under another screen id (a count)', () => {
    expect(v.safeParse(HeartbeatSchema, beat('s', { otherScreens: 312 })).success).toBe(true);
    expect(v.safeParse(HeartbeatSchema, beat('s', { otherScreens: -1 })).success).toBe(false);
  });
});
