/**
 * The delegated feeds at build time: each feed the root (content/) delegates, whose folder is
 * here (feeds/<id>/: items/ and assets/, no settings or screens of its own), is compiled on its
 * own into dist/feeds/<id>/ (manifest.json + content-addressed files, the same format 2 as the
 * root), scope-checked against its delegation and signed with its own private key
 * (./feed-keys.ts). One feed's errors leave its previous output, and every other feed, as they
 * were. A delegated feed without a folder here is published by its owner elsewhere (its
 * delegation's url).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../../src/content/manifest.ts';
import type { Problem } from '../../src/content/problem.ts';
import type { FeedDelegation } from '../../src/content/schema.ts';
import { jwkThumbprint } from '../../src/sync/jwk-thumbprint.ts';
import { compileContent, type CompileResult } from './compile.ts';
import type { FeedContext } from './cross-checks.ts';
import { feedPrivateKeyPath } from './feed-keys.ts';
import { readPrivateKey } from './sign.ts';

export const FEEDS_DIR = 'feeds';

export interface FeedBuild {
  id: string;
  dir: string;
  outDir: string;
  /** 'built', or why not: 'elsewhere' (no folder here), 'errors' (see problems). */
  outcome: 'built' | 'elsewhere' | 'errors';
  problems: Problem[];
  manifest?: Manifest;
  written: string[];
}

export interface FeedBuildOptions {
  /** The root as just compiled (its settings carry the delegations with their keys). */
  root: Pick<Manifest, 'settings' | 'screens'>;
  feedsDir?: string;
  /** Where feed <id> goes: <outDir>/<id>/ (default dist/feeds). */
  outDir?: string;
  now: number;
  calendarYears?: [number, number];
  /** Only this feed (a community publishing its own); default every delegated feed with a folder here. */
  only?: string;
  /** The private key of a feed (default: read from feedPrivateKeyPath(id)). */
  signingKey?: (id: string) => JsonWebKey | undefined;
}

/** The FeedContext a delegation gives its folder: its scope, the root's settings and screens. */
export function feedContext(root: FeedBuildOptions['root'], d: FeedDelegation): FeedContext {
  const { feeds: _, ...settings } = root.settings;
  return { id: d.id, scope: d.scope, settings, screens: root.screens };
}

const problem = (file: string, code: string, params: Problem['params']): Problem =>
  ({ file, line: 1, col: 1, severity: 'error', code, params });

/** Feed <id>'s private key on this machine (./feed-keys.ts), or undefined. */
export function defaultKey(id: string): JsonWebKey | undefined {
  const path = feedPrivateKeyPath(id);
  return existsSync(path) ? readPrivateKey(path) : undefined;
}

export async function buildFeeds(opts: FeedBuildOptions): Promise<FeedBuild[]> {
  const feedsDir = opts.feedsDir ?? FEEDS_DIR;
  const outRoot = opts.outDir ?? join('dist', 'feeds');
  const out: FeedBuild[] = [];
  for (const d of opts.root.settings.feeds ?? []) {
    if (opts.only !== undefined && d.id !== opts.only) continue;
    const dir = join(feedsDir, d.id);
    const outDir = join(outRoot, d.id);
    const base = { id: d.id, dir, outDir, written: [] as string[] };
    if (!existsSync(dir)) {
      out.push({ ...base, outcome: 'elsewhere', problems: [] });
      continue;
    }
    const key = (opts.signingKey ?? defaultKey)(d.id);
    const path = feedPrivateKeyPath(d.id);
    if (!key) {
      out.push({ ...base, outcome: 'errors', problems: [problem(dir, 'feed-private-key-missing', { feed: d.id, path })] });
      continue;
    }
    if (!d.key || (await jwkThumbprint(key, crypto.subtle)) !== (await jwkThumbprint(d.key, crypto.subtle))) {
      out.push({ ...base, outcome: 'errors', problems: [problem(dir, 'feed-key-mismatch', { feed: d.id, path })] });
      continue;
    }
    const r: CompileResult = await compileContent({
      contentDir: dir, outDir, now: opts.now, calendarYears: opts.calendarYears, signingKey: key, feed: feedContext(opts.root, d),
    });
    out.push({ ...base, outcome: r.ok ? 'built' : 'errors', problems: r.problems, manifest: r.manifest, written: r.written });
  }
  return out;
}

/** The delegations in a content folder's settings.json, read leniently (the validator judges them). */
export function delegationsIn(contentDir: string): Pick<FeedDelegation, 'id' | 'key'>[] {
  try {
    const feeds = (JSON.parse(readFileSync(join(contentDir, 'settings.json'), 'utf8')) as { feeds?: unknown }).feeds;
    return Array.isArray(feeds) ? feeds.filter((f): f is FeedDelegation => typeof f?.id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(f.id)) : [];
  } catch {
    return [];
  }
}
