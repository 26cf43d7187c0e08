/**
 * Content folders on disk for the hostile-content tests: the valid seeds, then as many broken
 * files as asked beside them; and byte-for-byte snapshots of an output folder.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { toPosix } from '../../../tools/lib/load-content.ts';
import type { BrokenFile } from './mutations.ts';
import { REL, seedText } from './seeds.ts';

/** A folder that validates and builds: settings, one screen, one item and its picture. */
export function writeSeedFolder(dir: string): Map<string, Uint8Array> {
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['items', 'screens', 'assets']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'assets/climb.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const written = new Map<string, Uint8Array>();
  for (const kind of ['item', 'screen', 'settings'] as const) {
    const bytes = new TextEncoder().encode(seedText(kind));
    writeFileSync(join(dir, REL[kind]), bytes);
    written.set(shown(join(dir, REL[kind])), bytes);
  }
  return written;
}

/** A path as the loader shows it: relative to the working directory. */
const shown = (abs: string) => toPosix(relative(process.cwd(), abs));

/**
 * The seed folder with the broken files added (items and screens under new names; a broken
 * settings file replaces the seed's). Returns every file's bytes by the path the loader shows.
 */
export function writeBrokenFolder(dir: string, files: BrokenFile[]): Map<string, Uint8Array> {
  const written = writeSeedFolder(dir);
  files.forEach((f, i) => {
    const rel = f.kind === 'item' ? `items/broken/${i}.json` : f.kind === 'screen' ? `screens/s${i}.json` : 'settings.json';
    const abs = join(dir, rel);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, f.bytes);
    written.set(shown(abs), f.bytes);
  });
  return written;
}

/** Every file under a folder with its bytes (base64), for byte-for-byte comparisons. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    try {
      out[f] = readFileSync(join(dir, f)).toString('base64');
    } catch {
      /* a folder */
    }
  }
  return out;
}
