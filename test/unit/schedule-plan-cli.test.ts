import { describe, expect, it } from 'vitest';
import { runPlan } from '../../tools/plan.ts';

const CONTENT = 'test/fixtures/schedule/content';

function run(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runPlan([...argv, '--content', CONTENT], { out: (l) => out.push(l), err: (l) => err.push(l), cwd: process.cwd() });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run plan', () => {
  it('--json prints exactly {at, screen, calendar, slides, excluded}', () => {
    const r = run('--screen', 'gate', '--at', '2026-10-18T09:00:00+08:00', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['at', 'screen', 'calendar', 'slides', 'excluded']);
    expect(doc.at).toBe('2026-10-18T09:00:00+08:00');
    expect(doc.screen).toBe('gate');
    expect(doc.calendar).toMatchObject({ date: '2026-10-18', festivals: ['chongyang'], lunar: { month: 9, day: 9 }, time: '09:00' });
    // Two items: the high one plays once, since two copies in a loop of 3 would touch.
    expect(doc.slides).toEqual([
      { id: 'health/chongyang-walk', kind: 'health', seconds: 12, reasons: ['適用於綠園社區', '節日：重陽節（10/18）'] },
      { id: 'health/wash-hands', kind: 'health', seconds: 8, reasons: ['隨時播放'] },
    ]);
    expect(doc.excluded).toEqual([
      { id: 'events/winter-safety', reasons: ['還有 55 天開始（開始前 14 天才顯示）'] },
      { id: 'health/spring-care', reasons: ['只在春季播放（現在是秋季）'] },
    ]);
  });

  it('reads a local --at in the settings time zone and speaks English', () => {
    const r = run('--screen', 'lobby', '--at', '2026-12-10T10:00', '--json', '--lang', 'en');
    const doc = JSON.parse(r.out) as { at: string; slides: { id: string; reasons: string[] }[]; excluded: { id: string; reasons: string[] }[] };
    expect(doc.at).toBe('2026-12-10T10:00:00+08:00');
    expect(doc.slides.find((s) => s.id === 'events/winter-safety')?.reasons).toEqual(['Starts in 2 days']);
    expect(doc.excluded.find((e) => e.id === 'health/chongyang-walk')?.reasons).toEqual(['Only for 綠園社區', 'Not at Double Ninth Festival']);
  });

  it('prints the loop and what is left out, in words', () => {
    const r = run('--screen', 'gate', '--at', '2026-10-18T23:00:00+08:00');
    expect(r.code).toBe(0);
    expect(r.out).toContain('（此時螢幕關閉）');
    expect(r.out).toContain('health/chongyang-walk');
    expect(r.out).toMatch(/未播放：2 則/);
  });

  it('lists the screens for an unknown one, exit 2', () => {
    const r = run('--screen', 'nope', '--at', '2026-10-18T09:00:00+08:00');
    expect(r.code).toBe(2);
    expect(r.err).toContain('gate, lobby');
  });

  it('refuses a bad --at, exit 2', () => {
    expect(run('--screen', 'gate', '--at', 'tomorrow').code).toBe(2);
    expect(run('--screen', 'gate').code).toBe(2);
  });
});
