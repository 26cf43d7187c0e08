/**
 * Synthetic content for benchmarks and property tests: N items with a realistic mix of kinds,
 * rules, priorities and text lengths, the same for the same (n, seed).
 */
import { FESTIVALS, KINDS, OBSERVANCES, SEASONS, SOLAR_TERMS, type Kind } from '../content/keys.ts';
import type { CompiledItem, Screen } from '../content/schema.ts';

/** A small deterministic PRNG (mulberry32), for generated fixtures here and in tests. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXT = '秋冬季節早晚溫差大，長者外出注意保暖，按時量血壓，有不適及時就醫。';
const PLACES = ['xuanwu', 'yingshijie', 'lvyuan', 'qingxi', 'tag:elderly', 'tag:lobby'];

/** A screen for the synthetic items (place xuanwu > yingshijie > lvyuan, tags gate, elderly). */
export const BENCH_SCREEN: Screen = {
  id: 'bench', name: 'bench', place: ['xuanwu', 'yingshijie', 'lvyuan'], tags: ['gate', 'elderly'], locale: 'zh-Hant',
};

/**
 * N synthetic items for the year around 2026 (ids "bench/00001" …).
 * @example buildPlaylist(syntheticItems(10_000), BENCH_SCREEN, {}, Date.parse('2026-10-18T09:00:00+08:00'), ctx)
 */
export function syntheticItems(n: number, seed = 1): CompiledItem[] {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const items: CompiledItem[] = [];
  for (let i = 0; i < n; i++) {
    const kind: Kind = pick(KINDS);
    const item: CompiledItem = {
      id: `bench/${String(i).padStart(5, '0')}`,
      kind,
      title: TEXT.slice(0, 4 + Math.floor(r() * 10)),
      summary: TEXT.slice(0, Math.floor(r() * TEXT.length)),
    };
    const roll = r();
    if (roll < 0.15) item.when = { seasons: [pick(SEASONS)] };
    else if (roll < 0.3) item.when = { solarTerms: [pick(SOLAR_TERMS)], around: { before: 2, after: 2 } };
    else if (roll < 0.4) item.when = { festivals: [pick(FESTIVALS)], around: { before: 3, after: 1 } };
    else if (roll < 0.45) item.when = { observances: [pick(OBSERVANCES)] };
    else if (roll < 0.55) item.when = { from: `2026-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-01`, until: '2026-12-31' };
    else if (roll < 0.6) item.when = { weekdays: [1 + Math.floor(r() * 7)], hours: [{ from: '08:00', until: '20:00' }] };
    if (r() < 0.3) item.where = [pick(PLACES)];
    if (r() < 0.1) item.priority = 'high';
    if (r() < 0.05) item.status = 'draft';
    if (kind === 'event') {
      const day = 1 + Math.floor(r() * 28);
      item.event = { starts: `2026-10-${String(day).padStart(2, '0')}T09:00:00+08:00`, ends: `2026-10-${String(day).padStart(2, '0')}T11:30:00+08:00` };
    }
    if (kind === 'alert') item.expires = `2026-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-15`;
    if (r() < 0.3) item.image = 'assets/poster.svg';
    items.push(item);
  }
  return items;
}
