/** Records, beats and a published site for the fleet tests. */
import { randomUUID } from 'node:crypto';
import type { Heartbeat, PlayRecord, PeriodRecord } from '../../src/fleet/protocol.ts';
import { parsePublished, type Published } from '../../tools/fleet/published.ts';

export const HASH = 'ab'.repeat(32);
export const VERSION = 'cd'.repeat(32);
export const SECRET = 'test-secret-0123456789abcdef';

export function play(screen: string, started: string, over: Partial<PlayRecord> = {}): PlayRecord {
  return {
    type: 'play', id: randomUUID(), screen, item: 'health/winter/dongzhi', kind: 'health', itemHash: HASH,
    version: VERSION, started, seconds: 12, completed: true, endedBy: 'next', ...over,
  };
}

export function period(screen: string, started: string, type: 'card' | 'off', seconds: number): PeriodRecord {
  return { type, id: randomUUID(), screen, version: VERSION, started, seconds, endedBy: 'next' };
}

export function beat(screen: string, over: Partial<Heartbeat> = {}): Heartbeat {
  return {
    screen, build: 'test', version: VERSION, onAir: 'health/winter/dongzhi', on: true,
    lastSync: { result: 'ok', at: '2026-12-01T01:59:00.000Z' }, storage: { used: 5_000_000, quota: 1_000_000_000, persisted: true },
    clockOffsetMs: 1200, uptimeS: 3600, errors: { count: 0 }, viewport: { width: 1920, height: 1080 }, orientation: 'landscape', ...over,
  };
}

/** Two published screens, hours 06:30–22:00 in Asia/Shanghai; `names` to put hostile text in. */
export function site(names: Record<string, string> = {}): Published {
  return parsePublished({
    version: VERSION,
    settings: { timeZone: 'Asia/Shanghai', hours: { on: '06:30', off: '22:00' } },
    screens: [
      { id: 'lvyuan-gate', name: names['lvyuan-gate'] ?? '綠園社區 東門櫥窗' },
      { id: 'qingxi-corridor', name: names['qingxi-corridor'] ?? '清溪 走廊', hours: { on: '08:00', off: '18:00', weekdays: [1, 2, 3, 4, 5] } },
    ],
  });
}
