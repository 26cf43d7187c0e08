/**
 * What the glass plays at an instant, as the kiosk's frames, the preview and `npm run plan` all
 * compute it (src/frame/frame-at.ts): on/off with the next switch, drafts never in the loop.
 */
import { describe, expect, it } from 'vitest';
import { decodeTables } from '../../src/calendar/tables.ts';
import { airAt, nextSwitch } from '../../src/frame/frame-at.ts';
import { calendarOptions, createCalendarView } from '../../src/schedule/calendar-view.ts';
import { buildTables } from '../../tools/lib/calendar-tables.ts';
import { loadContent } from '../../tools/lib/load-content.ts';

const content = loadContent('content');
const calendar = createCalendarView(decodeTables(buildTables(2026, 2027)), 'Asia/Shanghai', calendarOptions(content.settings));
const screen = (id: string) => content.screens.find((s) => s.id === id)!;
const t = (iso: string) => Date.parse(iso);

describe('airAt / nextSwitch (issue 10, items 1 and 2)', () => {
  it.each([
    // [screen, instant, on, next switch]
    ['lvyuan-gate', '2026-12-02T03:00:00+08:00', false, '2026-12-02T06:30:00+08:00'],
    ['lvyuan-gate', '2026-12-02T06:29:59+08:00', false, '2026-12-02T06:30:00+08:00'],
    ['lvyuan-gate', '2026-12-02T06:30:00+08:00', true, '2026-12-02T22:00:00+08:00'],
    ['lvyuan-gate', '2026-12-02T21:59:00+08:00', true, '2026-12-02T22:00:00+08:00'],
    ['yingshijie-lobby', '2026-12-05T10:00:00+08:00', false, '2026-12-07T08:00:00+08:00'],
    ['yingshijie-lobby', '2026-12-04T17:55:00+08:00', true, '2026-12-04T18:00:00+08:00'],
  ])('%s at %s: on %s, switches at %s', (id, iso, on, next) => {
    const ctx = { calendar };
    expect(airAt(content.items, screen(id), content.settings, t(iso), ctx).on).toBe(on);
    expect(new Date(nextSwitch(screen(id), content.settings, t(iso), ctx)!).toISOString()).toBe(new Date(t(next)).toISOString());
  });

  it('never puts a draft in the loop, even asked with a preview context', () => {
    const at = t('2026-12-04T10:00:00+08:00');
    const air = airAt(content.items, screen('lvyuan-gate'), content.settings, at, { calendar, preview: true });
    expect(air.playlist?.mode).toBe('loop');
    expect(air.playlist?.slides.some((s) => s.item?.status === 'draft')).toBe(false);
    expect(air.playlist?.excluded.map((e) => e.id)).toContain('alerts/cold-wave-blue');
  });

  it('plays nothing while off', () => {
    expect(airAt(content.items, screen('lvyuan-gate'), content.settings, t('2026-12-02T03:00:00+08:00'), { calendar }).playlist).toBeUndefined();
  });
});

describe('emergencies wake a dark screen (issue 12, item 1)', () => {
  const typhoon = {
    id: 'alerts/typhoon', kind: 'alert' as const, title: '颱風紅色預警', priority: 'emergency' as const,
    when: { from: '2026-12-02T02:30:00+08:00' }, expires: '2026-12-02T05:00:00+08:00',
  };
  const high = { ...typhoon, id: 'alerts/wind', priority: 'high' as const };
  const at = (iso: string, items = [...content.items, typhoon], s = screen('lvyuan-gate')) => airAt(items, s, content.settings, t(iso), { calendar });

  it('an emergency alert lights the screen outside its hours, with the emergency alerts alone', () => {
    const air = at('2026-12-02T03:00:00+08:00');
    expect(air).toMatchObject({ on: true, woken: true });
    expect(air.playlist?.mode).toBe('emergency');
    expect(air.playlist?.slides.map((s) => s.id)).toEqual(['alerts/typhoon']);
  });

  it('from its start until it expires: dark before and after', () => {
    expect(at('2026-12-02T02:29:00+08:00').on).toBe(false);
    expect(at('2026-12-02T04:59:00+08:00').on).toBe(true);
    expect(at('2026-12-02T05:01:00+08:00').on).toBe(false);
  });

  it('withdrawn (deleted, or back to draft): dark again', () => {
    expect(at('2026-12-02T03:00:00+08:00', content.items).on).toBe(false);
    expect(at('2026-12-02T03:00:00+08:00', [...content.items, { ...typhoon, status: 'draft' as const }]).on).toBe(false);
  });

  it('a high alert does not wake the screen; a screen with "wake": false stays dark', () => {
    expect(at('2026-12-02T03:00:00+08:00', [...content.items, high]).on).toBe(false);
    expect(at('2026-12-02T03:00:00+08:00', undefined, { ...screen('lvyuan-gate'), wake: false }).on).toBe(false);
  });

  // Only an emergency that would play on this screen now wakes it: every rule of the loop holds at night too.
  type Case = [string, Record<string, unknown>, Partial<ReturnType<typeof screen>>, string, { on: boolean; woken?: true; ids?: string[] }];
  it.each<Case>([
    // [what, the typhoon's fields, the screen's, instant, what the glass does]
    ['for a place not on the screen\'s path', { where: ['qingxi'] }, {}, '03:00', { on: false }],
    ['for a tag the screen does not carry', { where: ['tag:lobby'] }, {}, '03:00', { on: false }],
    ['for its street (on the path)', { where: ['yingshijie'] }, {}, '03:00', { on: true, woken: true, ids: ['alerts/typhoon'] }],
    ['for another community, on a screen of that community', { where: ['qingxi'] }, { id: 'qingxi-corridor', place: ['xuanwu', 'yingshijie', 'qingxi'] },
      '03:00', { on: true, woken: true, ids: ['alerts/typhoon'] }],
    ['not an alert ("emergency" on a notice plays as high)', { kind: 'notice' }, {}, '03:00', { on: false }],
    ['outside its own "hours"', { when: { from: '2026-12-02T02:30:00+08:00', hours: [{ from: '08:00', until: '20:00' }] } }, {}, '03:00', { on: false }],
    ['on a weekday it does not name (2026-12-02 is a Wednesday)', { when: { from: '2026-12-02T02:30:00+08:00', weekdays: [6, 7] } }, {}, '03:00', { on: false }],
    ['a district feed\'s emergency wakes the screens of its scope', { id: 'xuanwu:alerts/typhoon' }, {}, '03:00',
      { on: true, woken: true, ids: ['xuanwu:alerts/typhoon'] }],
    ['… but not a screen that names other feeds only', { id: 'xuanwu:alerts/typhoon' }, { feeds: ['lvyuan'] }, '03:00', { on: false }],
    ['… nor a screen outside that feed\'s scope', { id: 'qingxi:alerts/typhoon' }, {}, '03:00', { on: false }],
    ['"wake": false is about the night only: within its hours the emergency plays', { expires: '2026-12-02T12:00:00+08:00' }, { wake: false },
      '09:00', { on: true, ids: ['alerts/typhoon'] }],
    ['"wake": false with the emergency for its own place', { where: ['lvyuan'] }, { wake: false }, '03:00', { on: false }],
  ])('an emergency %s', (_what, fields, screenFields, hhmm, expected) => {
    const alert = { ...typhoon, ...fields } as typeof typhoon;
    const s = { ...screen('lvyuan-gate'), ...screenFields };
    const air = at(`2026-12-02T${hhmm}:00+08:00`, [...content.items, alert], s);
    expect(air.on).toBe(expected.on);
    expect(air.woken).toBe(expected.woken);
    if (expected.ids) expect(air.playlist?.slides.map((x) => x.id)).toEqual(expected.ids);
  });

  it('within its hours nothing changes: the emergency takes over the loop, not woken', () => {
    const air = at('2026-12-02T04:00:00+08:00', [...content.items, { ...typhoon, expires: '2026-12-02T12:00:00+08:00' }]);
    expect(air.woken).toBe(true);
    const day = at('2026-12-02T09:00:00+08:00', [...content.items, { ...typhoon, expires: '2026-12-02T12:00:00+08:00' }]);
    expect(day).toMatchObject({ on: true, playlist: { mode: 'emergency' } });
    expect(day.woken).toBeUndefined();
  });
});

describe('npm run plan says a screen was woken', () => {
  it('woken, on, lit until the alert ends (no offAt), the alert on air', async () => {
    const { planAt } = await import('../../tools/plan.ts');
    const typhoon = { id: 'alerts/typhoon', kind: 'alert' as const, title: '颱風紅色預警', priority: 'emergency' as const, expires: '2026-12-02T05:00:00+08:00' };
    const plan = planAt({ ...content, items: [...content.items, typhoon] }, screen('lvyuan-gate'), t('2026-12-02T03:00:00+08:00'), calendar, 'zh-Hant');
    expect(plan.json).toMatchObject({ on: true, woken: true, onAt: null, offAt: null, mode: 'emergency', onAir: { id: 'alerts/typhoon' } });
    const dark = planAt(content, screen('lvyuan-gate'), t('2026-12-02T03:00:00+08:00'), calendar, 'zh-Hant');
    expect(dark.json).toMatchObject({ on: false, woken: false, mode: null });
  });
});
