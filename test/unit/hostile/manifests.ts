/** A published manifest damaged in the ways disks and people damage files. */
import { readFileSync } from 'node:fs';

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
  ];
  return [
    ...texts.map(([label, t]): [string, Uint8Array] => [label, enc.encode(t)]),
    ['byte flips', flipped],
    ['GBK bytes', Uint8Array.from([...good.subarray(0, 40), 0xb6, 0xe0, ...good.subarray(40)])],
  ];
}
