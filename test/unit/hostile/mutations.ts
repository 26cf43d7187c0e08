/**
 * Broken content files of every kind, as fast-check arbitraries: edits of the JSON tree (wrong
 * types, duplicate and "__proto__" keys, misspelt keys, deep nesting, long strings, control
 * characters) and then of the bytes (flips, truncation, BOMs, NULs, lone surrogates, GBK/Big5).
 */
import fc from 'fast-check';
import { fromValue, type JsonTree, objects, raw, slots, toText } from './json-tree.ts';
import { encodeLegacy } from './legacy-encodings.ts';
import { type FileKind, SEEDS } from './seeds.ts';

export interface BrokenFile {
  kind: FileKind;
  /** What was done to the seed, for the failure report. */
  label: string;
  bytes: Uint8Array;
}

const deep = (depth: number, open: string, close: string, closed: boolean) =>
  open.repeat(depth) + (closed ? `1${close.repeat(depth)}` : '');

/** Values that are wrong almost anywhere, or right in a surprising way. */
export const HOSTILE_VALUES: string[] = [
  'null', 'true', '0', '-0', '-1', '3.5', '1e308', '1e999', '-1e999', '123456789012345678901234567890',
  '""', '" "', '"x"', '"\\n"', '"a\\u0000b"', '"\\ud800"', '"\\udc00x\\ud800"', '"\\u202eevil"', '"\\u2028"',
  '[]', '[[]]', '[null]', '{}', '{"toString": 1}', '{"toString": {}, "valueOf": {}}', '{"zh-Hnat": "x"}',
  '{"__proto__": {"kind": 1}}', '{"constructor": {"prototype": 1}}', '["\\n", {"en": "\\r"}]',
  deep(200, '[', ']', true), deep(200, '{"a":', '}', true), JSON.stringify('長'.repeat(20_000)),
];

const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '', ' ', 'ti\ntle', 'zh-Hnat', 'zh_Hant', 'Title', 'en\u0000', '\u202etitle', 'x'.repeat(5000)];

type TreeEdit = (root: { doc: JsonTree }) => string;

const pick = <T>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

const treeEdit: fc.Arbitrary<TreeEdit> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE_VALUES)).map(([at, v]): TreeEdit => (r) => {
    pick(slots(r), at)?.set(raw(v));
    return `replace#${at}=${v.slice(0, 30)}`;
  }),
  fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 3 })).map(([at, v]): TreeEdit => (r) => {
    pick(slots(r), at)?.set(fromValue(v));
    return `replace#${at}=random`;
  }),
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...HOSTILE_VALUES)).map(([at, k, v]): TreeEdit => (r) => {
    const o = pick(objects(r), at);
    const key = o && pick(o.e, k)?.[0];
    if (o && key !== undefined) o.e.push([key, raw(v)]);
    return `duplicate#${at}.${key}`;
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...DANGEROUS_KEYS), fc.constantFrom(...HOSTILE_VALUES)).map(([at, key, v]): TreeEdit => (r) => {
    pick(objects(r), at)?.e.push([key, raw(v)]);
    return `key#${at}=${JSON.stringify(key.slice(0, 20))}`;
  }),
  fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.constantFrom(...DANGEROUS_KEYS), fc.string({ unit: 'binary', maxLength: 12 }))).map(([at, k, name]): TreeEdit => (r) => {
    const entry = pick(objects(r), at)?.e[k % 8];
    if (entry) entry[0] = name;
    return `rename#${at}=${JSON.stringify(name.slice(0, 20))}`;
  }),
  fc.tuple(fc.nat(), fc.oneof(fc.integer({ min: 1, max: 300 }), fc.constantFrom(1_000, 10_000, 100_000)), fc.constantFrom(['[', ']'], ['{"a":', '}'], ['[{"x":', '}]']), fc.boolean())
    .map(([at, depth, [open, close], closed]): TreeEdit => (r) => {
      pick(slots(r), at)?.set(raw(deep(depth, open!, close!, closed)));
      return `deep#${at}x${depth}${closed ? '' : ' unclosed'}`;
    }),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 40 })).map(([at, s]): TreeEdit => (r) => {
    pick(slots(r), at)?.set(raw(JSON.stringify(s)));
    return `string#${at}`;
  }),
);

type ByteEdit = (b: Uint8Array) => [Uint8Array, string];

const INSERTS: number[][] = [
  [0], [0, 0, 0], [0xef, 0xbb, 0xbf], [0xed, 0xa0, 0x80], [0xed, 0xb0, 0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf],
  [0xf4, 0x90, 0x80, 0x80], [0xff], [0xfe, 0xff], [0x80], [0xc3], [0x1b, 0x5b, 0x33, 0x31, 0x6d], [0x0a], [0x0d], [0x09], [0x7f],
  [0xe2, 0x80, 0xa8], [0xb6, 0xe0, 0xba, 0xc8], [0xa6, 0x68, 0xb3, 0xdc],
];

const at = (b: Uint8Array, n: number) => (b.length ? n % (b.length + 1) : 0);

const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips): ByteEdit => (b) => {
    const c = Uint8Array.from(b);
    for (const [p, v] of flips) if (c.length) c[p % c.length] = v;
    return [c, `flip x${flips.length}`];
  }),
  fc.nat().map((n): ByteEdit => (b) => [b.subarray(0, at(b, n)), `truncate@${at(b, n)}`]),
  fc.tuple(fc.nat(), fc.constantFrom(...INSERTS)).map(([n, ins]): ByteEdit => (b) => {
    const p = at(b, n);
    return [Uint8Array.from([...b.subarray(0, p), ...ins, ...b.subarray(p)]), `insert@${p} ${ins.map((x) => x.toString(16)).join(' ')}`];
  }),
  fc.constantFrom<ByteEdit>(
    (b) => [Uint8Array.from([0xef, 0xbb, 0xbf, ...b]), 'bom'],
    (b) => [Uint8Array.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...b]), 'double bom'],
    (b) => [Uint8Array.from([0xff, 0xfe, ...Buffer.from(new TextDecoder().decode(b), 'utf16le')]), 'utf-16le'],
    (b) => [encodeLegacy(new TextDecoder().decode(b), 'gbk'), 'gbk'],
    (b) => [encodeLegacy(new TextDecoder().decode(b), 'big5'), 'big5'],
    (b) => [b.map((x) => (x === 0x0a ? 0x0d : x)), 'cr line ends'],
  ),
);

const kindArb = fc.constantFrom<FileKind>('item', 'item', 'item', 'screen', 'settings');

const enc = new TextEncoder();

function apply(kind: FileKind, trees: TreeEdit[], bytesEdits: ByteEdit[]): BrokenFile {
  const root = { doc: fromValue(structuredClone(SEEDS[kind])) };
  const labels = trees.map((e) => e(root));
  let bytes: Uint8Array = enc.encode(`${toText(root.doc)}\n`);
  for (const e of bytesEdits) {
    const [b, label] = e(bytes);
    bytes = b;
    labels.push(label);
  }
  return { kind, label: `${kind}: ${labels.join(', ')}`, bytes };
}

/** A broken file: tree edits, byte edits or both; or random JSON; or random bytes. */
export const brokenFile: fc.Arbitrary<BrokenFile> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(kindArb, fc.array(treeEdit, { minLength: 1, maxLength: 3 })).map(([k, t]) => apply(k, t, [])) },
  { weight: 3, arbitrary: fc.tuple(kindArb, fc.array(byteEdit, { minLength: 1, maxLength: 3 })).map(([k, b]) => apply(k, [], b)) },
  { weight: 2, arbitrary: fc.tuple(kindArb, fc.array(treeEdit, { minLength: 1, maxLength: 2 }), fc.array(byteEdit, { minLength: 1, maxLength: 2 })).map(([k, t, b]) => apply(k, t, b)) },
  { weight: 1, arbitrary: fc.tuple(kindArb, fc.jsonValue()).map(([kind, v]) => ({ kind, label: `${kind}: random JSON`, bytes: enc.encode(JSON.stringify(v) ?? 'null') })) },
  { weight: 1, arbitrary: fc.tuple(kindArb, fc.uint8Array({ maxLength: 200 })).map(([kind, bytes]) => ({ kind, label: `${kind}: random bytes`, bytes })) },
);
