/**
 * A feed's scope (its delegation in the root's settings, ./schema.ts FeedDelegation): the
 * place-path prefixes and tags its items may address and the priorities they may use. Pure: the
 * compiler, the validator, the screen's worker, the preview and `npm run plan` all ask here.
 *
 * An item is inside its feed's scope when its priority is allowed, every `tag:` it names is
 * allowed (when the scope lists tags), and every place segment it names sits, wherever it occurs
 * in the known place paths (the root's screens) or the scope's own prefixes, at or under an
 * allowed prefix. An item without `where` is inside: it goes to the scope's screens only
 * (screenInScope, checked per screen by the schedule).
 *
 * @example scopeRefusal({ priority: 'emergency' }, { places: [['xuanwu']], priorities: ['normal'] }, [])
 *          // { code: 'scope-priority', value: 'emergency' }
 */
import type { CompiledItem, FeedDelegation, FeedScope, Screen } from './schema.ts';

/** Item ids of a feed play as "<feed>:<id>"; the root's ids have no ":". */
export const FEED_SEP = ':';

export type ScopeCode = 'scope-priority' | 'scope-place' | 'scope-tag';

export interface ScopeRefusal {
  code: ScopeCode;
  /** The priority, the place segment or the "tag:…" entry that falls outside. */
  value: string;
  /** Its index in `where` (absent for the priority). */
  at?: number;
}

type Path = readonly string[];

const under = (path: Path, prefix: Path) => prefix.length <= path.length && prefix.every((s, i) => path[i] === s);

/** Whether a place path (a screen's) is at or under one of the scope's prefixes. */
export function screenInScope(place: Path, scope: Pick<FeedScope, 'places'>): boolean {
  return scope.places.some((prefix) => under(place, prefix));
}

/**
 * Why a delegated feed does not play on a screen ('feed-elsewhere': no such delegation, or the
 * screen outside its scope; 'feed-not-named': the screen names its feeds, not this one), or
 * undefined when it plays there. The schedule's where rule and the worker's choice of feeds to
 * sync both ask this, so a box never skips a feed its glass would play.
 */
export function feedRefusal(
  screen: Pick<Screen, 'place' | 'feeds'>, d: FeedDelegation | undefined,
): 'feed-elsewhere' | 'feed-not-named' | undefined {
  if (!d || !screenInScope(screen.place, d.scope)) return 'feed-elsewhere';
  if (screen.feeds && !screen.feeds.includes(d.id)) return 'feed-not-named';
  return undefined;
}

/** The first way `item` falls outside `scope`, or undefined when it is inside. */
export function scopeRefusal(
  item: Pick<CompiledItem, 'where' | 'priority'>, scope: FeedScope, places: readonly Path[],
): ScopeRefusal | undefined {
  const priority = item.priority ?? 'normal';
  if (!scope.priorities.includes(priority)) return { code: 'scope-priority', value: priority };
  const where = item.where ?? [];
  for (let at = 0; at < where.length; at++) {
    const w = where[at]!;
    if (w.startsWith('tag:')) {
      if (scope.tags && !scope.tags.includes(w.slice(4))) return { code: 'scope-tag', value: w, at };
      continue;
    }
    const found = occurrences(w, [...places, ...scope.places]);
    if (found.length === 0 || !found.every((p) => screenInScope(p, scope))) return { code: 'scope-place', value: w, at };
  }
  return undefined;
}

/** The paths from the top down to each place where `segment` occurs. */
function occurrences(segment: string, paths: readonly Path[]): Path[] {
  const out: Path[] = [];
  for (const p of paths) {
    const i = p.indexOf(segment);
    if (i >= 0) out.push(p.slice(0, i + 1));
  }
  return out;
}

/** The feed of a played item id ("lvyuan:notices/water" → "lvyuan"), undefined for the root's. */
export function feedOfId(id: string): string | undefined {
  const i = id.indexOf(FEED_SEP);
  return i > 0 ? id.slice(0, i) : undefined;
}

/** The words' parameters of a refusal (src/content/messages.ts): value, feed and what is allowed. */
export function refusalParams(r: ScopeRefusal, feed: string, scope: FeedScope): { value: string; feed: string; allowed: string } {
  const allowed = r.code === 'scope-priority' ? scope.priorities.join(', ')
    : r.code === 'scope-tag' ? (scope.tags ?? []).map((t) => `tag:${t}`).join(', ')
    : scope.places.map((p) => p.join(' > ')).join('; ');
  return { value: r.value, feed, allowed };
}
