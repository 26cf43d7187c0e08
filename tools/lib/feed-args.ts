/**
 * The feed a command checks a folder as (`npm run validate`): `--feed <id>` takes its delegation
 * from the root's settings (`--root`, default content/); `--scope` gives one on the command line
 * instead (with `--feed`, for that feed's id): place paths "xuanwu>yingshijie>lvyuan", several
 * separated by ";", with `--priorities` (default `normal,high`, what a community is usually
 * delegated; `emergency` only when given) and `--tags a,b`. The root's screens are the places
 * the feed may reach. Exits 2 with a message when the arguments cannot be used.
 */
import { basename } from 'node:path';
import { PRIORITIES, type Priority } from '../../src/content/keys.ts';
import type { FeedScope } from '../../src/content/schema.ts';
import type { FeedContext } from './cross-checks.ts';
import { feedContext } from './feeds.ts';
import { loadContent } from './load-content.ts';

export interface FeedArgs {
  feed?: string;
  root?: string;
  scope?: string;
  priorities?: string;
  tags?: string;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** The priorities a scope given on the command line allows when `--priorities` is not given. */
export const DEFAULT_PRIORITIES: readonly Priority[] = ['normal', 'high'];

export function feedOfArgs(args: FeedArgs, dir: string): FeedContext | undefined {
  if (args.scope === undefined && (args.priorities !== undefined || args.tags !== undefined)) {
    fail('--priorities and --tags go with --scope (with --feed alone, the delegation\'s scope is used)');
  }
  if (args.feed === undefined && args.scope === undefined) return undefined;
  const root = loadContent(args.root ?? 'content');
  if (args.scope === undefined) {
    const d = root.settings.feeds?.find((f) => f.id === args.feed);
    if (!d) fail(`no feed "${args.feed}" among the feeds of ${args.root ?? 'content'}/settings.json`);
    return feedContext(root, d);
  }
  const priorities = args.priorities === undefined ? [...DEFAULT_PRIORITIES] : args.priorities.split(',').map((p) => p.trim());
  const bad = priorities.find((p) => !(PRIORITIES as readonly string[]).includes(p));
  if (bad) fail(`--priorities: "${bad}" is not one of ${PRIORITIES.join(', ')}`);
  const scope: FeedScope = {
    places: args.scope!.split(';').map((p) => p.split('>').map((s) => s.trim()).filter(Boolean)).filter((p) => p.length > 0),
    priorities: priorities as Priority[],
    ...(args.tags ? { tags: args.tags.split(',').map((t) => t.trim()) } : {}),
  };
  return feedContext(root, { id: args.feed ?? basename(dir), url: '', scope });
}
