/**
 * Frames as the service worker sends them (framesFor) and as the page reads them
 * (workerFrames), on the compiled sample content: each minute's frame agrees with frameAt,
 * equal minutes merge, and the page keeps playing when the worker is late or silent.
 */
import { describe, expect, it } from 'vitest';
import { decodeTables, type CalendarTablesJson } from '../../src/calendar/tables.ts';
import type { CompiledItem } from '../../src/content/schema.ts';
import { slideAt } from '../../src/frame/slide-at.ts';
import { framesFor, MINUTE, type FramesReply } from '../../src/frame/frames-for.ts';
import { assetResolver, type ContentSet } from '../../src/frame/content-set.ts';
import { frameAt } from '../../src/frame/frame-at.ts';
import { REFILL_MS, RETRY_MS, workerFrames } from '../../src/bridge/worker-frames.ts';
import { buildOutput } from '../../tools/lib/compile.ts';

const built = await buildOutput({ contentDir: 'content', now: Date.parse('2026-10-01T00:00:00Z'), calendarYears: [2026, 2027] });
const file = (url: string) => JSON.parse(new TextDecoder().decode(built.files.get(url)!)) as unknown;
const manifest = built.manifest!;
const content: ContentSet = {
  manifest,
  items: manifest.items.map((e) => file(e.url) as CompiledItem),
  tables: decodeTables(file(manifest.calendar.url) as CalendarTablesJson),
  assetUrl: assetResolver(manifest, new URL('https://screen.test/content/')),
};
const GATE = 'lvyuan-gate';
const BASE = new URL('https://screen.test/content/');
const ids = (f: FramesReply['frames'][number]['frame']) => f?.loop?.slides.map((s) => s.id);

/** The timed frame that holds t. */
const timedFrameAt = (r: FramesReply, t: number) => [...r.frames].reverse().find((s) => s.from <= t)!;

describe('framesFor', () => {
  it('gives, for every minute, the frame frameAt gives, merging equal minutes', () => {
    // 2026-10-18 (重陽), 05:00–11:00 in Shanghai: screen hours begin at 06:30, a morning-only item ends at 10:00.
    const from = Date.parse('2026-10-18T05:00:00+08:00');
    const r = framesFor(content, GATE, from + 25_000, 6 * 60);
    expect(r.from).toBe(from);
    expect(r.until).toBe(from + 6 * 3_600_000);
    expect(r.version).toBe(manifest.version);
    expect(r.frames.length).toBeGreaterThan(1);
    expect(r.frames.length).toBeLessThan(20); // merged, not one per minute
    for (let t = from; t < r.until; t += MINUTE) {
      const want = frameAt(content, GATE, t)!;
      const got = timedFrameAt(r, t).frame!;
      expect(got.on, new Date(t).toISOString()).toBe(want.on);
      expect(ids(got)).toEqual(ids(want));
      expect(got.day).toEqual(want.day);
    }
    expect(timedFrameAt(r, Date.parse('2026-10-18T06:00:00+08:00')).frame!.on).toBe(false);
    expect(timedFrameAt(r, Date.parse('2026-10-18T09:00:00+08:00')).frame!.day.lunar).toBe('九月初九');
  });

  it('sends slides without reasons, and the URLs of just the pictures and QR codes they show', () => {
    const r = framesFor(content, GATE, Date.parse('2026-10-18T09:00:00+08:00'), 60);
    const slides = r.frames.flatMap((s) => s.frame?.loop?.slides ?? []);
    expect(slides.every((s) => s.reasons.length === 0)).toBe(true);
    const shown = new Set(slides.flatMap((s) => [s.item?.image, s.item?.qr]).filter((p) => p !== undefined));
    expect(new Set(Object.keys(r.assets))).toEqual(shown);
    expect(shown.size).toBeGreaterThan(0);
    for (const [path, url] of Object.entries(r.assets)) expect(manifest.assets.find((a) => a.path === path)?.url).toBe(url);
    expect(r.screens.map((s) => s.id).sort()).toEqual(manifest.screens.map((s) => s.id).sort());
  });

  it('turns at the exact instants items name, not only on the minute (an alert due at 09:00:30)', () => {
    const alert: CompiledItem = {
      id: 'alerts/drill', kind: 'alert', priority: 'emergency', title: '演練',
      when: { from: '2026-10-18T09:00:30+08:00', until: '2026-10-18T09:10:20+08:00' },
    };
    const set = { ...content, items: [...content.items, alert] };
    const nine = Date.parse('2026-10-18T09:00:00+08:00');
    const r = framesFor(set, GATE, nine, 60);
    const mode = (t: number) => timedFrameAt(r, t).frame!.loop!.mode;
    expect(mode(nine + 29_999)).not.toBe('emergency');
    expect(r.frames.map((x) => x.from)).toContain(nine + 30_000);
    expect(mode(nine + 30_000)).toBe('emergency');
    const end = Date.parse('2026-10-18T09:10:20+08:00');
    expect(mode(end)).toBe('emergency'); // `until` is inclusive
    expect(mode(end + 1)).not.toBe('emergency');
  });

  it('says null for a screen the content does not have', () => {
    const r = framesFor(content, 'nowhere', Date.parse('2026-10-18T09:00:00+08:00'), 60);
    expect(r.frames).toEqual([{ from: Date.parse('2026-10-18T09:00:00+08:00'), frame: null }]);
  });
});

describe('workerFrames (the page)', () => {
  const at = Date.parse('2026-10-18T09:00:00+08:00');
  const frames = (from: number) => Promise.resolve(framesFor(content, GATE, from, 60));

  it('plays the slide of the instant, and asks again before the frames run out', async () => {
    let now = at;
    const asked: number[] = [];
    const source = workerFrames({ fetchFrames: (from) => (asked.push(from), frames(from)), clock: { now: () => now }, base: BASE });
    expect(source.frameAt(now)).toBeUndefined(); // the first answer has not come
    await new Promise<void>((resolve) => source.subscribe(resolve));
    const f = source.frameAt(now)!;
    expect(slideAt(f.loop!, now).slide.id).toBe(slideAt(frameAt(content, GATE, now)!.loop!, now).slide.id);
    const pic = f.loop!.slides.find((s) => s.item?.image)!.item!.image!;
    expect(source.assets()(pic)).toBe(new URL(manifest.assets.find((a) => a.path === pic)!.url, BASE).href);
    expect(source.screens().length).toBe(manifest.screens.length);
    expect(source.version()).toBe(manifest.version);

    now = at + 60 * MINUTE - REFILL_MS - MINUTE;
    source.frameAt(now);
    expect(asked).toHaveLength(1);
    now += 2 * MINUTE;
    source.frameAt(now);
    expect(asked).toEqual([at, now]);
  });

  it('keeps the last frame when the worker does not answer, and retries after a pause', async () => {
    let now = at;
    let fail = false;
    let asks = 0;
    const source = workerFrames({ fetchFrames: (from) => (asks++, fail ? Promise.reject(new Error('timeout')) : frames(from)), clock: { now: () => now }, base: BASE });
    await new Promise<void>((resolve) => source.subscribe(resolve));
    fail = true;
    now = at + 3 * 3_600_000; // far past the frames at hand
    const f = source.frameAt(now);
    // Never blank: the last frame at hand goes on.
    expect(f?.loop?.slides.length).toBeGreaterThan(0);
    expect(ids(f!)).toEqual(ids(framesFor(content, GATE, at, 60).frames.at(-1)!.frame));
    await Promise.resolve();
    await Promise.resolve();
    expect(asks).toBe(2);
    now += RETRY_MS - 1;
    source.frameAt(now);
    expect(asks).toBe(2);
    fail = false;
    now += 1;
    source.frameAt(now);
    expect(asks).toBe(3);
  });

  it('asks again when the first ask fails (a cold worker), and after the clock is set back', async () => {
    let now = at;
    let fail = true;
    const failures: number[] = [];
    let asks = 0;
    const source = workerFrames({
      fetchFrames: (from) => (asks++, fail ? Promise.reject(new Error('timeout')) : frames(from)),
      clock: { now: () => now }, base: BASE, onFailure: (n) => failures.push(n),
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(failures).toEqual([1]);
    expect(source.failures()).toBe(1);
    now += RETRY_MS - 1;
    source.frameAt(now);
    expect(asks).toBe(1); // a pause between asks
    now += 1;
    expect(source.frameAt(now)).toBeUndefined(); // the loading page, asking again
    expect(asks).toBe(2);
    await Promise.resolve();
    await Promise.resolve();
    expect(failures).toEqual([1, 2]);
    now -= 3 * 3_600_000; // NTP sets the clock back by hours: no 3-hour silence
    source.frameAt(now);
    expect(asks).toBe(3);
    await Promise.resolve();
    await Promise.resolve();
    fail = false;
    now += RETRY_MS;
    source.frameAt(now);
    await new Promise<void>((resolve) => source.subscribe(resolve));
    expect(source.frameAt(now)?.screen.id).toBe(GATE); // frames at last (06:01: before the screen hours)
    expect(source.failures()).toBe(0);
  });

  it('asks again at once when an answer comes too late to cover the instant (the worker was slow for an hour)', async () => {
    let now = at;
    const asked: number[] = [];
    const answers: (() => void)[] = [];
    const source = workerFrames({
      fetchFrames: (from) => (asked.push(from), new Promise((resolve) => answers.push(() => resolve(framesFor(content, GATE, from, 60))))),
      clock: { now: () => now }, base: BASE,
    });
    now += 2 * 3_600_000; // two hours pass before the worker answers the first ask
    answers.shift()!();
    await new Promise<void>((resolve) => source.subscribe(resolve));
    expect(asked).toEqual([at, now]);
    answers.shift()!();
    await new Promise<void>((resolve) => source.subscribe(resolve));
    expect(asked).toHaveLength(2); // the second answer covers now: no third ask
    expect(source.held()!.from).toBe(Math.floor(now / 60_000) * 60_000);
  });

  it('keeps the pictures of a slide with the frames it was made from; asks for a new version only', async () => {
    let set = content;
    let asks = 0;
    const source = workerFrames({ fetchFrames: (from) => (asks++, Promise.resolve(framesFor(set, GATE, from, 60))), clock: { now: () => at }, base: BASE });
    await new Promise<void>((resolve) => source.subscribe(resolve));
    const pic = source.frameAt(at)!.loop!.slides.find((s) => s.item?.image)!.item!.image!;
    const onAir = source.assets();
    const before = onAir(pic);
    expect(before).toBeDefined();
    source.want(manifest.version);
    expect(asks).toBe(1); // the frames at hand are of that version
    // v2: that picture's file changed.
    set = { ...content, manifest: { ...manifest, version: 'v2', assets: manifest.assets.map((a) => (a.path === pic ? { ...a, url: 'assets/new.svg' } : a)) } };
    const seen = new Promise<void>((resolve) => source.subscribe(resolve));
    source.want('v2');
    await seen;
    expect(asks).toBe(2);
    expect(source.assets()(pic)).toBe(new URL('assets/new.svg', BASE).href);
    expect(onAir(pic)).toBe(before); // the slide on air keeps its picture
  });

  it('stays empty (the loading page) until content is committed, then plays it on refresh', async () => {
    let set: ContentSet | undefined;
    const source = workerFrames({ fetchFrames: (from) => Promise.resolve(set ? framesFor(set, GATE, from, 60) : null), clock: { now: () => at }, base: BASE });
    await Promise.resolve();
    expect(source.frameAt(at)).toBeUndefined();
    set = content;
    const seen = new Promise<void>((resolve) => source.subscribe(resolve));
    source.refresh();
    await seen;
    expect(source.frameAt(at)?.loop?.slides.length).toBeGreaterThan(0);
  });
});
