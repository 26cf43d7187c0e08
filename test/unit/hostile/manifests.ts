/** A published manifest damaged in the ways disks and people damage files. */
import { readFileSync } from 'node:fs';

/** A published page damaged on disk under its own name (the root names it by its sha256). */
export function damagedPages(path: string): [string, Uint8Array | undefined][] {
  const good = readFileSync(path);
  const flipped = Uint8Array.from(good);
  flipped[good.length >> 1] = (flipped[good.length >> 1] ?? 0) ^ 1;
  return [['deleted', undefined], ['truncated', good.subarray(0, good.length >> 1)], ['a byte flipped', flipped],
    ['empty', new Uint8Array(0)], ['a portal page', new TextEncoder().encode('<!doctype html><h1>Wi-Fi</h1>')]];
}

export function damagedManifests(path: string): [string, Uint8Array][] {
  const good = readFileSync(path);
  const text = good.toString('utf8');
  const enc = new TextEncoder();
  const flipped = Uint8Array.from(good);
  for (let i = 7; i < flipped.length; i += 97) flipped[i] = 0x7b;
  const json = JSON.parse(text) as Record<string, unknown>;
  const without = (key: string) => JSON.stringify({ ...json, [key]: undefined });
  const texts: [string, string][] = [
    ['1', '1'], ['"x"', '"x"'], ['[]', '[]'], ['{}', '{}'], ['null', 'null'], ['true', 'true'], ['empty', ''],
    ['half', text.slice(0, text.length >> 1)], ['one byte short', text.slice(0, -2)],
    ['calendar: 1', JSON.stringify({ ...json, calendar: 1 })], ['items: {}', JSON.stringify({ ...json, items: {} })],
    ['assets: [1]', JSON.stringify({ ...json, assets: [1] })], ['no calendar', without('calendar')],
    ['items: [null]', JSON.stringify({ ...json, items: [null] })], ['deep', '['.repeat(100_000)],
    ['pages: {}', JSON.stringify({ ...json, pages: {} })], ['pages: [null]', JSON.stringify({ ...json, pages: [null] })],
    ['no pages', without('pages')], ['format 1', JSON.stringify({ ...json, format: 1, pages: undefined, items: [], assets: [] })],
    ['a page not there', JSON.stringify({ ...json, pages: [{ hash: 'f'.repeat(64), url: `pages/${'f'.repeat(64)}.json`, bytes: 2 }] })],
  ];
  return [
    ...texts.map(([label, t]): [string, Uint8Array] => [label, enc.encode(t)]),
    ['byte flips', flipped],
    ['GBK bytes', Uint8Array.from([...good.subarray(0, 40), 0xb6, 0xe0, ...good.subarray(40)])],
  ];
}
