/**
 * The file checks of an item's pictures (`image`, `poster`) and film (`video`): inside
 * content/, present, described, not too large, SVGs without scripts. The film's own bytes
 * (codecs, length, bitrate) are read later, asynchronously, by ./films.ts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import type { CompiledItem } from '../../src/content/schema.ts';
import type { JsonPath } from '../../src/content/issues.ts';
import { unsafeSvg } from './svg-safety.ts';

const MB = 1024 * 1024;

export interface PathProblem {
  path: JsonPath;
  code: string;
  params: Record<string, string | number | undefined>;
  severity: 'error' | 'warning';
}

/** The file under `dir` a content path names, or why not ('outside' / 'missing'). */
export function contentFile(dir: string, path: string): { abs: string } | { why: 'outside' | 'missing' } {
  const norm = normalize(path);
  if (isAbsolute(path) || norm.startsWith('..')) return { why: 'outside' };
  const abs = join(dir, norm);
  return existsSync(abs) && statSync(abs).isFile() ? { abs } : { why: 'missing' };
}

export function mediaPathProblems(dir: string, item: CompiledItem): PathProblem[] {
  const out: PathProblem[] = [];
  const err = (key: string, code: string, params: PathProblem['params']) => out.push({ path: [key], code, params, severity: 'error' });
  const warn = (key: string, code: string, params: PathProblem['params']) => out.push({ path: [key], code, params, severity: 'warning' });
  for (const key of ['image', 'poster'] as const) {
    const path = item[key];
    if (path === undefined) continue;
    const f = contentFile(dir, path);
    if ('why' in f) {
      err(key, `image-${f.why}`, { path });
      continue;
    }
    if (key === 'image' && item.imageAlt === undefined) warn(key, 'missing-alt', { path });
    const size = statSync(f.abs).size;
    if (size > MB) warn(key, 'image-large', { path, size: `${(size / MB).toFixed(1)} MB` });
    if (/\.svg$/i.test(path)) {
      const found = unsafeSvg(readFileSync(f.abs));
      if (found) err(key, 'image-unsafe', { path, found });
    }
  }
  if (item.video !== undefined) {
    const f = contentFile(dir, item.video);
    if ('why' in f) err('video', `video-${f.why}`, { path: item.video });
    else if (item.poster === undefined) warn('video', 'video-no-poster', { path: item.video });
  }
  return out;
}
