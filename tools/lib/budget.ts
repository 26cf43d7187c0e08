/**
 * The kiosk's JS and CSS sizes as the screen loads them: the entry chunk and everything it
 * imports, statically or lazily, gzipped (level 9, as servers send them). Read from Vite's build manifest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
}

export const BUDGET = { js: 20 * 1024, css: 5 * 1024 };

export interface EntrySize {
  js: number;
  css: number;
  files: string[];
}

export function entrySize(dist: string, entry: string): EntrySize {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const seen = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`no chunk ${key} in the build manifest`);
    chunk.css?.forEach((c) => css.add(c));
    chunk.imports?.forEach(visit);
    // Lazy chunks count too: the budget is everything the kiosk page loads.
    chunk.dynamicImports?.forEach(visit);
  };
  visit(entry);
  const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).byteLength;
  const jsFiles = [...seen].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
  return {
    js: jsFiles.reduce((n, f) => n + gz(f), 0),
    css: [...css].reduce((n, f) => n + gz(f), 0),
    files: [...jsFiles, ...css],
  };
}
