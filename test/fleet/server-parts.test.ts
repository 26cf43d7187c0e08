/** The server's pure parts: tokens, secret file, rate limits, screen hours, states, CSV, the manifest reader. */
import { existsSync, mkdirSync, mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/content/csv.ts';
import { slotsBetween } from '../../tools/fleet/ingest.ts';
import { parsePublished } from '../../tools/fleet/published.ts';
import { publishedReader } from '../../tools/fleet/published-reader.ts';
import { rateLimiter } from '../../tools/fleet/rate-limit.ts';
import { hoursOf, minutesOn, minutesOnBefore, withinHours } from '../../tools/fleet/screen-hours.ts';
import { screenRows } from '../../tools/fleet/screen-status.ts';
import { checkToken, loadSecret, screenToken } from '../../tools/fleet/tokens.ts';
import { beat, site } from './fixtures.ts';

describe('screen tokens', () => {
  it('name their screen and fail when changed in any way', () => {
    const token = screenToken('a-long-enough-secret', 'lvyuan-gate');
    expect(checkToken('a-long-enough-secret', token)).toEqual({ ok: true, screen: 'lvyuan-gate' });
    expect(checkToken('a-long-enough-secret', token.replace('lvyuan-gate', 'lvyuan-gatf')).ok).toBe(false);
    expect(checkToken('a-long-enough-secret', `${token.slice(0, -1)}A`).ok).toBe(token.endsWith('A'));
    expect(checkToken('another-long-secret!', token).ok).toBe(false);
    expect(checkToken('a-long-enough-secret', 'no-dot').ok).toBe(false);
  });

  it('come from a secret file made on first use, readable by its owner only', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fleet-secret-')), 'sub', 'secret');
    const a = loadSecret({}, file);
    expect(a.length).toBeGreaterThanOrEqual(40);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecret({}, file)).toBe(a);
    expect(loadSecret({ FLEET_SECRET: 'from-the-environment' }, file)).toBe('from-the-environment');
    expect(() => loadSecret({ FLEET_SECRET: 'short' }, file)).toThrow(/16/);
  });
});

describe('rate limits', () => {
  it('allow a burst, then one request per interval, per key (clock injected)', () => {
    let t = 0;
    const limit = rateLimiter({ perMinute: 6, burst: 2, now: () => t });
    expect([limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([0, 0, 10]);
    expect(limit.take('b')).toBe(0);
    t += 9_000;
    expect(limit.take('a')).toBe(1);
    t += 1_000;
    expect(limit.take('a')).toBe(0);
  });
});

describe('screen hours', () => {
  const tz = 'Asia/Shanghai';
  it.each([
    ['2026-12-01T22:29:00Z', false], ['2026-11-30T22:30:00Z', true], ['2026-12-01T13:59:00Z', true], ['2026-12-01T14:00:00Z', false],
  ])('06:30–22:00 in Shanghai: %s within is %s', (iso, want) => {
    expect(withinHours(hoursOf({ on: '06:30', off: '22:00' }), Date.parse(iso), tz)).toBe(want);
  });
  it('run past midnight when off is before on, skip the days not listed, and default to all day', () => {
    const night = hoursOf({ on: '18:00', off: '02:00' });
    expect(minutesOn(night, '2026-12-01')).toBe(480);
    expect(withinHours(night, Date.parse('2026-12-01T17:30:00Z'), tz)).toBe(true); // 01:30
    const weekdays = hoursOf({ on: '08:00', off: '18:00', weekdays: [1, 2, 3, 4, 5] });
    expect(minutesOn(weekdays, '2026-12-05')).toBe(0); // a Saturday
    expect(minutesOn(hoursOf(undefined), '2026-12-05')).toBe(1440);
    // today so far: 06:30–10:00 of 06:30–22:00
    expect(minutesOnBefore(hoursOf({ on: '06:30', off: '22:00' }), '2026-12-01', 600)).toBe(210);
  });
  it('count presence in 5-minute slots', () => {
    expect(slotsBetween(Date.parse('2026-12-01T00:04:00Z'), Date.parse('2026-12-01T00:10:00Z')).map((s) => new Date(s).toISOString().slice(11, 16))).toEqual(['00:00', '00:05', '00:10']);
  });
});

describe('screen states', () => {
  it('put silent screens first, then never seen, online, off; and list unknown screens that beat', () => {
    const t = Date.parse('2026-12-01T02:00:00Z');
    const seen = [
      { screen: 'lvyuan-gate', last_seen: new Date(t - 11 * 60_000), beat: beat('lvyuan-gate') },
      { screen: 'stray', last_seen: new Date(t - 60_000), beat: JSON.stringify(beat('stray', { version: null })) },
    ];
    const rows = screenRows(site(), seen, t);
    expect(rows.map((r) => [r.id, r.state, r.unknown, r.current])).toEqual([
      ['lvyuan-gate', 'silent', false, true], ['qingxi-corridor', 'never', false, null], ['stray', 'online', true, false],
    ]);
  });
});

describe('CSV', () => {
  it('starts with a BOM, quotes what needs it and defuses formulas', () => {
    const csv = toCsv(['a', 'b'], [['綠園, "東門"', 3], ['=HYPERLINK("x")', '-2']]);
    expect(csv).toBe('\uFEFFa,b\r\n"綠園, ""東門""",3\r\n"\'=HYPERLINK(""x"")","\'-2"\r\n');
  });
});

describe('the published manifest', () => {
  it('reads settings and screens from its root and survives what it does not know', () => {
    expect(parsePublished(null).screens).toEqual([]);
    const p = parsePublished({ version: 'v', settings: { timeZone: 'Asia/Taipei', fleet: { heartbeat: 60 } }, screens: [{ id: 'a', name: 'A' }, { name: 'no id' }], pages: ['x'] });
    expect([p.version, p.timeZone, p.beatSeconds, p.screens.map((s) => s.id)]).toEqual(['v', 'Asia/Taipei', 60, ['a']]);
  });
});

describe('the published site on disk', () => {
  it('finds item titles through the pages of the built manifest', () => {
    expect(existsSync('dist/content/manifest.json'), 'npm test builds dist/ first (npm run build)').toBe(true);
    const p = publishedReader('dist')();
    expect(p.screens.length).toBeGreaterThan(0);
    expect(p.items.size).toBeGreaterThan(0);
    expect([...p.items.values()].every((i) => i.title !== undefined && i.kind !== '')).toBe(true);
    // The delegated feeds' items too, by the ids the screens report ("<feed>:<id>").
    expect([...p.items.keys()].some((id) => /^(xuanwu|lvyuan|qingxi):/.test(id))).toBe(true);
  });

  it('reads the titles of the feeds the root delegates (format 2, their own folders), again when a feed publishes', () => {
    const dist = mkdtempSync(join(tmpdir(), 'fleet-dist-'));
    const hex = (c: string) => c.repeat(64);
    const put = (path: string, json: unknown, mtimeS?: number) => {
      mkdirSync(join(dist, path, '..'), { recursive: true });
      writeFileSync(join(dist, path), JSON.stringify(json));
      if (mtimeS) utimesSync(join(dist, path), mtimeS, mtimeS);
    };
    const feeds = [
      { id: 'lvyuan', url: '../feeds/lvyuan/' },
      { id: 'xuanwu', url: 'https://xuanwu.example.org/feed/' }, // published elsewhere: read from dist/feeds/xuanwu/ if there
      { id: 'qingxi', url: '../../outside/' }, // outside dist/: never read
    ];
    put('content/manifest.json', { format: 2, version: hex('a'), settings: { feeds }, screens: [], pages: [{ url: `pages/${hex('1')}.json` }] });
    put(`content/pages/${hex('1')}.json`, { items: [{ id: 'health/water', kind: 'health', url: `items/${hex('2')}.json` }], assets: [] });
    put(`content/items/${hex('2')}.json`, { title: '多喝水' });
    const feed = (dir: string, item: string, title: unknown, mtimeS: number) => {
      put(`${dir}/pages/${hex('3')}.json`, { items: [{ id: item, kind: 'notice', url: `items/${hex('4')}.json` }], assets: [] });
      put(`${dir}/items/${hex('4')}.json`, { title });
      put(`${dir}/manifest.json`, { format: 2, version: hex('b'), settings: {}, screens: [], pages: [{ url: `pages/${hex('3')}.json` }] }, mtimeS);
    };
    feed('feeds/lvyuan', 'notices/water', { 'zh-Hant': '停水通知', 'zh-Hans': '停水通知' }, 1_000);
    feed('feeds/xuanwu', 'events/week', '科技週', 1_000);
    feed('outside', 'notices/x', 'not ours', 1_000);
    const read = publishedReader(dist);
    const items = read().items;
    expect(items.get('health/water')).toEqual({ kind: 'health', title: '多喝水' });
    expect(items.get('lvyuan:notices/water')).toEqual({ kind: 'notice', title: { 'zh-Hant': '停水通知', 'zh-Hans': '停水通知' } });
    expect(items.get('xuanwu:events/week')?.title).toBe('科技週');
    expect([...items.keys()].some((id) => id.startsWith('qingxi:'))).toBe(false);
    // The feed publishes again (the root does not change): the reader sees it.
    feed('feeds/lvyuan', 'notices/power', '停電通知', 2_000);
    expect(read().items.get('lvyuan:notices/power')?.title).toBe('停電通知');
    expect(read().items.has('lvyuan:notices/water')).toBe(false);
  });
});
