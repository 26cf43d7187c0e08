/** `npm run calendar`: output shape, settings, bad arguments. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCalendar } from '../../tools/calendar.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs the CLI in-process in a folder without content/ unless given one. */
function run(args: string[], settings?: string): { code: number; out: string[]; err: string[] } {
  const cwd = mkdtempSync(join(tmpdir(), 'calendar-cli-'));
  dirs.push(cwd);
  if (settings !== undefined) writeFileSync(join(cwd, 'settings.json'), settings);
  const out: string[] = [];
  const err: string[] = [];
  const code = runCalendar(settings !== undefined ? [...args, '--content', cwd] : args, {
    out: (l) => out.push(l), err: (l) => err.push(l), cwd,
  });
  return { code, out, err };
}

const json = (lines: string[]): Record<string, unknown>[] => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('calendar CLI', () => {
  it('prints one JSON object a day with the contract keys in order', () => {
    const { code, out, err } = run(['--from', '2026-10-16', '--to', '2026-10-24', '--json']);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const days = json(out);
    expect(days.map((d) => d.date)).toEqual([
      '2026-10-16', '2026-10-17', '2026-10-18', '2026-10-19', '2026-10-20', '2026-10-21',
      '2026-10-22', '2026-10-23', '2026-10-24',
    ]);
    expect(out[2]).toBe('{"date":"2026-10-18","lunar":{"month":9,"day":9,"leap":false},' +
      '"festivals":["chongyang"],"observances":[],"season":"autumn"}');
    expect(Object.keys(days[7] ?? {})).toEqual(['date', 'lunar', 'solarTerm', 'festivals', 'observances', 'season']);
    expect(days[7]?.solarTerm).toEqual({ key: 'shuangjiang', name: '霜降', instant: '2026-10-23T17:38:00+08:00' });
    for (const d of days) expect(Object.keys(d.lunar as object)).toEqual(['month', 'day', 'leap']);
  });

  it('writes term instants with the zone offset of --tz, and English names with --lang en', () => {
    const { out } = run(['--from', '2026-10-23', '--to', '2026-10-23', '--json', '--tz', 'America/New_York', '--lang', 'en']);
    expect(json(out)[0]?.solarTerm).toEqual({ key: 'shuangjiang', name: 'Frost Descent', instant: '2026-10-23T05:38:00-04:00' });
  });

  it('prints a readable line a day', () => {
    const { code, out } = run(['--from', '2026-10-18', '--to', '2026-10-23']);
    expect(code).toBe(0);
    expect(out[0]).toBe('2026-10-18  週日  九月初九  —  重陽節  —  秋季');
    expect(out[5]).toBe('2026-10-23  週五  九月十四  霜降 17:38  —  —  秋季');
    const en = run(['--from', '2026-09-19', '--to', '2026-09-19', '--lang', 'en']).out;
    expect(en).toEqual(['2026-09-19  Sat  Lunar 8/9  -  -  National Science Popularization Day  Autumn']);
  });

  it('says from which minute a season begins on the day it begins (the day line speaks of the day\'s end)', () => {
    expect(run(['--from', '2026-11-06', '--to', '2026-11-08']).out.map((l) => l.split('  ').pop())).toEqual(['秋季', '秋季→冬季 17:52', '冬季']);
    const json = run(['--from', '2026-11-07', '--to', '2026-11-07', '--json']).out.map((l) => JSON.parse(l));
    expect(json[0]).toMatchObject({ season: 'winter', seasonChange: { from: 'autumn', at: '2026-11-07T17:52:00+08:00' } });
    expect(Object.keys(json[0]).at(-1)).toBe('seasonChange');
    // 霜降 begins no season: no change on its day.
    expect(JSON.parse(run(['--from', '2026-10-23', '--to', '2026-10-23', '--json']).out[0]!)).not.toHaveProperty('seasonChange');
  });

  it('reads settings.json: time zone, season system, locale and extra observances', () => {
    const settings = JSON.stringify({
      timeZone: 'America/New_York', seasons: 'meteorological', locale: 'zh-Hans',
      observances: [{ key: 'elderly-health-day', name: { 'zh-Hans': '长者健康日' }, date: '12-21' }, { key: 'Bad Key' }],
    });
    const { code, out, err } = run(['--from', '2026-12-21', '--to', '2026-12-21'], settings);
    expect(code).toBe(0);
    expect(out).toEqual(['2026-12-21  周一  十一月十三  冬至 15:50  冬至  长者健康日  冬季']);
    expect(err.join('\n')).toMatch(/observances\[1\].*ignored/);
    const js = json(run(['--from', '2026-12-21', '--to', '2026-12-21', '--json'], settings).out)[0];
    expect(js).toMatchObject({ festivals: ['dongzhi'], observances: ['elderly-health-day'], season: 'winter' });
  });

  it('uses the defaults when settings.json is not JSON', () => {
    const { code, out, err } = run(['--from', '2026-10-18', '--to', '2026-10-18'], '{ "timeZone": ');
    expect(code).toBe(0);
    expect(out[0]).toContain('九月初九');
    expect(err[0]).toMatch(/settings\.json: not JSON/);
  });

  it.each([
    [['--to', '2026-10-18'], /missing --from/],
    [['--from', '2026-10-18'], /missing --to/],
    [['--from', '2026-02-30', '--to', '2026-03-01'], /not a date/],
    [['--from', '2026-10-18', '--to', '2026-10-01'], /after --to/],
    [['--from', '1899-12-31', '--to', '1900-01-01'], /1900-01-01 … 2100-12-31/],
    [['--from', '2026-10-18', '--to', '2026-10-18', '--tz', 'Mars/Olympus'], /unknown time zone/],
    [['--from', '2026-10-18', '--to', '2026-10-18', '--lang', 'fr'], /--lang fr/],
    [['--from', '2026-10-18', '--to', '2026-10-18', '--colour'], /Unknown option/],
    [['--from'], /argument missing|--from/],
  ])('exits 2 for %j', (args, message) => {
    const { code, out, err } = run(args);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err[0]).toMatch(message);
    expect(err.join('\n')).toContain('usage: npm run calendar');
  });

  it('runs as a command with its exit codes', () => {
    const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'tools/calendar.ts', ...args], {
      cwd: ROOT, encoding: 'utf8',
    });
    const ok = cli(['--from', '2026-10-18', '--to', '2026-10-18', '--json', '--content', join(ROOT, 'test/fixtures/none')]);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ date: '2026-10-18', festivals: ['chongyang'] });
    const bad = cli(['--from', 'soon', '--to', '2026-10-18']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--from soon: not a date/);
  }, 20_000);
});
