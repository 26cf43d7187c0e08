/**
 * The keys a schema allows in the object at a JSON path, for "did you mean" hints:
 * `keysAt(ItemSchema, ['when'])` → ['from', 'until', 'seasons', …].
 */
import type { JsonPath } from './issues.ts';

interface SchemaLike {
  type?: string;
  entries?: Record<string, SchemaLike>;
  item?: SchemaLike;
  wrapped?: SchemaLike;
  options?: SchemaLike[];
  value?: SchemaLike;
}

function unwrap(s: SchemaLike): SchemaLike[] {
  if (s.wrapped) return unwrap(s.wrapped);
  if (s.options && s.type === 'union') return s.options.flatMap(unwrap);
  return [s];
}

/** The schemas one step below, as written (optional and union wrappers still on). */
function childrenAt(nodes: SchemaLike[], step: string | number): SchemaLike[] {
  return nodes.flatMap((n) => {
    if (typeof step === 'number') return n.item ? [n.item] : [];
    // Own keys only: a path step may be "__proto__" or "constructor".
    if (n.entries && Object.hasOwn(n.entries, step)) return [n.entries[step]!];
    if (n.type === 'record' && n.value) return [n.value];
    return [];
  });
}

export function keysAt(schema: unknown, path: JsonPath): string[] {
  let nodes = unwrap(schema as SchemaLike);
  for (const step of path) nodes = childrenAt(nodes, step).flatMap(unwrap);
  return [...new Set(nodes.flatMap((n) => Object.keys(n.entries ?? {})))];
}

/**
 * The object branches of the union at a JSON path (observance rules: a fixed day, or the nth
 * weekday of a month), so that a value can be checked against each and the nearest one named.
 */
export function objectBranchesAt(schema: unknown, path: JsonPath): unknown[] {
  let raw: SchemaLike[] = [schema as SchemaLike];
  for (const step of path) raw = childrenAt(raw.flatMap(unwrap), step);
  const unions = raw.map((s) => (s.wrapped ? s.wrapped : s)).filter((s) => s.type === 'union' && s.options);
  return unions.flatMap((u) => u.options!.flatMap(unwrap).filter((o) => o.type?.endsWith('object')));
}
