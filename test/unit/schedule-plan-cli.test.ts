import { describe, expect, it } from 'vitest';
import { runPlan } from '../../tools/plan.ts';

const CONTENT = 'test/fixtures/schedule/content';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPlan([...argv, '--content', CONTENT], { out: (l) => out.push(l), err: (l) => err.push(l), cwd: process.cwd() });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run plan', () => {
  it('--json prints exactly {at, screen, on, woken, onAt, offAt, calendar, mode, onAir, slides, excluded, refused, feeds}', async () => {
    const r = await run('--screen', 'gate', '--at', '2026-10-18T09:00:00+08:00', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['at', 'screen', 'on', 'woken', 'onAt', 'offAt', 'calendar', 'mode', 'onAir', 'slides', 'excluded', 'refused', 'feeds']);
    expect(doc).toMatchObject({ on: true, woken: false, onAt: null, offAt: '2026-10-18T22:00:00+08:00', mode: 'loop' });
    expect(doc.at).toBe('2026-10-18T09:00:00+08:00');
    expect(doc.screen).toBe('gate');
    expect(doc.calendar).toMatchObject({ date: '2026-10-18', festivals: ['chongyang'], lunar: { month: 9, day: 9 }, time: '09:00' });
    // Two items: the high one plays once, since two copies in a loop of 3 would touch.
    expect(doc.slides).toEqual([
      { id: 'health/chongyang-walk', kind: 'health', feed: null, seconds: 12, start: 0, reasons: ['適用於綠園社區', '節日：重陽節（10/18）'] },
      { id: 'health/wash-hands', kind: 'health', feed: null, seconds: 8, start: 12, reasons: ['隨時播放'] },
    ]);
    // The phase is the instant's: (epoch ms) mod 20 000 ms of loop = 0 at 09:00:00 +08:00.
    expect(doc.onAir).toEqual({
      slide: 1, id: 'health/chongyang-walk', kind: 'health', offset: 0,
      startsAt: '2026-10-18T09:00:00+08:00', endsAt: '2026-10-18T09:00:12+08:00',
    });
    expect(doc.excluded).toEqual([
      { id: 'events/winter-safety', feed: null, reasons: ['還有 55 天開始（開始前 14 天才顯示）'] },
      { id: 'health/spring-care', feed: null, reasons: ['只在春季播放（現在是秋季）'] },
    ]);
    expect(doc.refused).toEqual([]);
    expect(doc.feeds).toEqual([]);
  });

  it('reads a local --at in the settings time zone and speaks English', async () => {
    const r = await run('--screen', 'lobby', '--at', '2026-12-10T10:00', '--json', '--lang', 'en');
    const doc = JSON.parse(r.out) as { at: string; slides: { id: string; reasons: string[] }[]; excluded: { id: string; reasons: string[] }[] };
    expect(doc.at).toBe('2026-12-10T10:00:00+08:00');
    expect(doc.slides.find((s) => s.id === 'events/winter-safety')?.reasons).toEqual(['Starts in 2 days']);
    expect(doc.excluded.find((e) => e.id === 'health/chongyang-walk')?.reasons).toEqual(['Only for 綠園社區', 'Not at Double Ninth Festival']);
  });

  it('marks the slide on air with its offset in the loop (issue 10, item 3)', async () => {
    const r = await run('--screen', 'gate', '--at', '2026-10-18T09:00:15+08:00');
    expect(r.out).toContain('播出中：第 2 張 health/wash-hands，循環第 0:15');
    expect(r.out).toMatch(/▶ {2}2\. +0:12 +8s +health +health\/wash-hands/);
    const doc = JSON.parse((await run('--screen', 'gate', '--at', '2026-10-18T09:00:15+08:00', '--json')).out) as { onAir: unknown };
    expect(doc.onAir).toMatchObject({ slide: 2, id: 'health/wash-hands', offset: 15 });
  });

  it('says the screen is off, plays nothing then, and when it turns on (issue 10, item 1)', async () => {
    const r = await run('--screen', 'gate', '--at', '2026-10-18T23:00:00+08:00');
    expect(r.code).toBe(0);
    expect(r.out).toContain('螢幕關閉（營業時間外），10-19 06:30 開啟');
    expect(r.out).not.toContain('播放循環');
    expect(r.out).toMatch(/未播放：2 則/);
    const doc = JSON.parse((await run('--screen', 'gate', '--at', '2026-10-18T23:00:00+08:00', '--json')).out) as Record<string, unknown>;
    expect(doc).toMatchObject({ on: false, onAt: '2026-10-19T06:30:00+08:00', offAt: null, mode: null, onAir: null, slides: [] });
  });

  it('reads --at as the kiosk reads `at`: a "+" turned space, a bare date in the site zone (issue 10, item 4)', async () => {
    const at = async (s: string) => (JSON.parse((await run('--screen', 'gate', '--at', s, '--json')).out) as { at: string }).at;
    expect(await at('2026-10-18T09:00:00 08:00')).toBe('2026-10-18T09:00:00+08:00');
    expect(await at('2026-10-18')).toBe('2026-10-18T00:00:00+08:00');
    expect(await at('2026-10-18 07:30')).toBe('2026-10-18T07:30:00+08:00');
  });

  it('lists the screens for an unknown one, exit 2', async () => {
    const r = await run('--screen', 'nope', '--at', '2026-10-18T09:00:00+08:00');
    expect(r.code).toBe(2);
    expect(r.err).toContain('gate, lobby');
  });

  it('refuses a bad --at, exit 2', async () => {
    expect((await run('--screen', 'gate', '--at', 'tomorrow')).code).toBe(2);
    expect((await run('--screen', 'gate')).code).toBe(2);
  });
});
