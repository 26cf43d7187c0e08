/**
 * A JSON document as a tree that can hold what a plain object cannot: duplicate keys, keys such
 * as "__proto__", and raw text (numbers like 1e999, 100,000 unclosed "[", …). The fuzzer edits
 * this tree, then writes it out as text.
 */
export type JsonTree =
  | { t: 'raw'; text: string }
  | { t: 'obj'; e: [string, JsonTree][] }
  | { t: 'arr'; a: JsonTree[] };

export const raw = (text: string): JsonTree => ({ t: 'raw', text });

export function fromValue(v: unknown): JsonTree {
  if (Array.isArray(v)) return { t: 'arr', a: v.map(fromValue) };
  if (v !== null && typeof v === 'object') return { t: 'obj', e: Object.entries(v).map(([k, x]) => [k, fromValue(x)]) };
  return raw(JSON.stringify(v));
}

/** Two-space indented text, one entry a line (as editors write content files). */
export function toText(j: JsonTree, indent = ''): string {
  const inner = `${indent}  `;
  if (j.t === 'raw') return j.text;
  if (j.t === 'arr') return j.a.length === 0 ? '[]' : `[\n${j.a.map((x) => inner + toText(x, inner)).join(',\n')}\n${indent}]`;
  return j.e.length === 0 ? '{}' : `{\n${j.e.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${toText(x, inner)}`).join(',\n')}\n${indent}}`;
}

/** Every node with its parent slot, root first, so a mutation can pick one by number. */
export interface Slot {
  node: JsonTree;
  set: (n: JsonTree) => void;
}

export function slots(root: { doc: JsonTree }): Slot[] {
  const out: Slot[] = [{ node: root.doc, set: (n) => { root.doc = n; } }];
  for (let i = 0; i < out.length; i++) {
    const n = out[i]!.node;
    if (n.t === 'arr') n.a.forEach((x, k) => out.push({ node: x, set: (m) => { n.a[k] = m; } }));
    if (n.t === 'obj') n.e.forEach((entry) => out.push({ node: entry[1], set: (m) => { entry[1] = m; } }));
  }
  return out;
}

export function objects(root: { doc: JsonTree }): Extract<JsonTree, { t: 'obj' }>[] {
  return slots(root).map((s) => s.node).filter((n): n is Extract<JsonTree, { t: 'obj' }> => n.t === 'obj');
}
