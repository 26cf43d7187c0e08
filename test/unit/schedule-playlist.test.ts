import { describe, expect, it } from 'vitest';
import type { CompiledItem } from '../../src/content/schema.ts';
import { BUILTIN_ID, buildPlaylist } from '../../src/schedule/playlist.ts';
import { at, ctxIn, item, LOBBY, LVYUAN, SETTINGS } from '../fixtures/schedule/world.ts';

const NOON = at('2026-10-18T12:00:00+08:00');
const plan = (items: CompiledItem[], instant = NOON, screen = LVYUAN) => buildPlaylist(items, screen, SETTINGS, instant, ctxIn());
const ids = (items: CompiledItem[], instant = NOON) => plan(items, instant).slides.map((s) => s.id);

const tip = item('health/tip', { when: { seasons: ['autumn'] } });
const poster = item('safety/poster', { kind: 'safety', image: 'assets/p.svg' });
const cold = item('alerts/cold', {
  kind: 'alert', priority: 'emergency', expires: '2026-10-18T18:00:00+08:00', title: '寒潮藍色預警',
});

describe('emergency', () => {
  it('an active emergency alert replaces the loop at once', () => {
    const p = plan([tip, poster, cold]);
    expect(p.mode).toBe('emergency');
    expect(p.slides.map((s) => s.id)).toEqual(['alerts/cold']);
    expect(p.slides[0]?.reasons[0]?.code).toBe('emergency');
    expect(p.excluded).toEqual([
      { id: 'health/tip', reasons: [expect.objectContaining({ code: 'emergency-override' })] },
      { id: 'safety/poster', reasons: [expect.objectContaining({ code: 'emergency-override' })] },
    ]);
  });

  it('an expired, draft or elsewhere emergency does not', () => {
    expect(plan([tip, cold], at('2026-10-18T18:01:00+08:00')).mode).toBe('loop');
    expect(plan([tip, { ...cold, status: 'draft' }]).mode).toBe('loop');
    expect(plan([tip, { ...cold, where: ['qingxi'] }]).mode).toBe('loop');
  });

  it('only an alert can be an emergency; another kind plays twice, as high', () => {
    const p = plan([tip, poster, item('notice/x', { kind: 'notice', priority: 'emergency' })]);
    expect(p.mode).toBe('loop');
    expect(p.slides.filter((s) => s.id === 'notice/x')).toHaveLength(2);
  });

  it('several emergencies rotate together', () => {
    expect(ids([tip, cold, { ...cold, id: 'alerts/gas', title: '燃氣外洩' }]).sort()).toEqual(['alerts/cold', 'alerts/gas']);
  });
});

describe('never empty', () => {
  it('plays the eligible items in a loop', () => {
    const p = plan([tip, poster]);
    expect(p.mode).toBe('loop');
    expect(p.slides.map((s) => s.id).sort()).toEqual(['health/tip', 'safety/poster']);
  });

  it('evergreen: nothing with a time condition is eligible', () => {
    const p = plan([item('health/spring', { when: { seasons: ['spring'] } }), poster]);
    expect(p.mode).toBe('evergreen');
    expect(p.slides.map((s) => s.id)).toEqual(['safety/poster']);
    expect(p.slides[0]?.reasons.map((r) => r.code)).toEqual(['always', 'evergreen']);
    expect(p.excluded.map((e) => e.id)).toEqual(['health/spring']);
  });

  it.each<[string, CompiledItem[]]>([
    ['no items', []],
    ['only an item out of season', [item('health/spring', { when: { seasons: ['spring'] } })]],
    ['only an item for another place', [{ ...poster, where: ['qingxi'] }]],
  ])('builtin: nothing at all (%s)', (_name, items) => {
    const p = plan(items);
    expect(p.mode).toBe('builtin');
    expect(p.slides).toEqual([expect.objectContaining({ id: BUILTIN_ID, kind: 'notice' })]);
    expect(p.totalSeconds).toBeGreaterThan(0);
  });

  it('excluded items are sorted by id and carry only the failing reasons', () => {
    const p = plan([item('z/late', { when: { seasons: ['spring'], weekdays: [7] } }), item('a/early', { where: ['qingxi'] }), tip]);
    expect(p.excluded).toEqual([
      { id: 'a/early', reasons: [expect.objectContaining({ code: 'where-elsewhere' })] },
      { id: 'z/late', reasons: [expect.objectContaining({ code: 'out-of-season' })] },
    ]);
  });
});

describe('high priority', () => {
  it('comes round twice per loop, not adjacent', () => {
    const items = [
      item('h/a'), item('h/b'), item('s/a', { kind: 'safety' }), item('p/a', { kind: 'policy' }),
      item('h/high', { priority: 'high' }),
    ];
    const order = ids(items);
    expect(order.filter((id) => id === 'h/high')).toHaveLength(2);
    const n = order.length;
    order.forEach((id, i) => expect(order[(i + 1) % n] === id && id === 'h/high').toBe(false));
  });

  it('says so', () => {
    const p = plan([tip, poster, item('h/high', { priority: 'high' })]);
    expect(p.slides.find((s) => s.id === 'h/high')?.reasons.map((r) => r.code)).toEqual(['always', 'high']);
  });

  it('plays once in a loop too small to keep two copies apart', () => {
    const p = plan([tip, item('h/high', { priority: 'high' })]);
    expect(p.slides.map((s) => s.id).sort()).toEqual(['h/high', 'health/tip']);
    expect(p.slides.find((s) => s.id === 'h/high')?.reasons.map((r) => r.code)).toEqual(['always']);
  });
});

describe('determinism', () => {
  it('the same inputs give the same loop, whatever the order of the items', () => {
    const items = [tip, poster, item('p/a', { kind: 'policy' }), item('n/a', { kind: 'notice', priority: 'high' })];
    const a = plan(items);
    const b = plan([...items].reverse().map((x) => structuredClone(x)));
    expect(b.slides.map((s) => [s.id, s.seconds])).toEqual(a.slides.map((s) => [s.id, s.seconds]));
    expect(b.totalSeconds).toBe(a.totalSeconds);
  });

  it('differs per screen only by what is eligible there', () => {
    const items = [tip, { ...poster, where: ['lvyuan'] }];
    expect(plan(items, NOON, LVYUAN).slides).toHaveLength(2);
    expect(plan(items, NOON, LOBBY).slides.map((s) => s.id)).toEqual(['health/tip']);
  });
});
