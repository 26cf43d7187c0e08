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

export function keysAt(schema: unknown, path: JsonPath): string[] {
  let nodes = unwrap(schema as SchemaLike);
  for (const step of path) {
    nodes = nodes.flatMap((n) => {
      if (typeof step === 'number') return n.item ? unwrap(n.item) : [];
      // Own keys only: a path step may be "__proto__" or "constructor".
      if (n.entries && Object.hasOwn(n.entries, step)) return unwrap(n.entries[step]!);
      if (n.type === 'record' && n.value) return unwrap(n.value);
      return [];
    });
  }
  return [...new Set(nodes.flatMap((n) => Object.keys(n.entries ?? {})))];
}
