/**
 * Broken files made one by one rather than at random: a wrong value at every key of every
 * kind of file, and every key misspelt.
 */
import { fromValue, type JsonTree, raw, toText } from './json-tree.ts';
import { type BrokenFile, HOSTILE_VALUES } from './mutations.ts';
import { type FileKind, type JsonPathStep, pathsOf, SEEDS } from './seeds.ts';

const enc = new TextEncoder();

/** The tree node at a path, and a way to change its key (for object members). */
function at(doc: JsonTree, path: JsonPathStep[]): { node: JsonTree; set: (n: JsonTree) => void; rename?: (k: string) => void } {
  let parent = doc;
  for (let i = 0; ; i++) {
    const step = path[i]!;
    const last = i === path.length - 1;
    if (parent.t === 'arr' && typeof step === 'number') {
      const p = parent;
      if (last) return { node: p.a[step]!, set: (n) => { p.a[step] = n; } };
      parent = p.a[step]!;
    } else if (parent.t === 'obj') {
      const entry = parent.e.find(([k]) => k === step)!;
      if (last) return { node: entry[1], set: (n) => { entry[1] = n; }, rename: (k) => { entry[0] = k; } };
      parent = entry[1];
    } else throw new Error(`no ${path.join('.')}`);
  }
}

const KINDS: FileKind[] = ['item', 'screen', 'settings'];

/** Every key and list entry of every seed, holding each hostile value in turn. */
export function wrongTypeFiles(): BrokenFile[] {
  return KINDS.flatMap((kind) => pathsOf(SEEDS[kind]).flatMap((path) => HOSTILE_VALUES.map((v) => {
    const doc = fromValue(SEEDS[kind]);
    at(doc, path).set(raw(v));
    return { kind, label: `${kind}: ${path.join('.')} = ${v.slice(0, 30)}`, bytes: enc.encode(toText(doc)) };
  })));
}

/** A near miss of a key: its last two letters swapped ("zh-Hant" → "zh-Hatn"). */
export function typo(key: string): string | undefined {
  for (let i = key.length - 1; i > 0; i--) {
    if (key[i] !== key[i - 1]) return key.slice(0, i - 1) + key[i] + key[i - 1] + key.slice(i + 1);
  }
  return undefined;
}

/** Every object key of every seed misspelt (the free-form keys of "placeNames" aside). */
export function misspeltKeys(): (BrokenFile & { key: string; wrong: string })[] {
  return KINDS.flatMap((kind) => pathsOf(SEEDS[kind])
    .filter((path) => typeof path.at(-1) === 'string' && !path.slice(0, -1).includes('placeNames'))
    .flatMap((path) => {
      const key = String(path.at(-1));
      const wrong = typo(key);
      if (!wrong) return [];
      const doc = fromValue(SEEDS[kind]);
      at(doc, path).rename!(wrong);
      return [{ kind, key, wrong, label: `${kind}: ${path.join('.')} misspelt ${wrong}`, bytes: enc.encode(toText(doc)) }];
    }));
}
