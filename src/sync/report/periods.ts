/**
 * Proof of play from what the page reports (src/sync/worker-protocol.ts AirReport): a pure
 * step from the period open on the glass and one report to the record it closes (if any) and
 * the period open after it. No clock, no storage: ./reporter.ts keeps the state.
 *
 * - A slide, the built-in card or screen-off is one period; reports of the same one (page
 *   turns, the minute's tick) only say it is still there.
 * - It ends when the page reports something else: `next`, `alert` (cut short by an alert),
 *   `off` (the screen went dark); when another page load takes over: `reload` if the page said
 *   it was going, `crash` if it did not (a killed browser, a power cut). A crashed period is
 *   counted up to the last report of it: no second is claimed that the screen did not see.
 * - A page that reloads onto the very slide it showed (an app update lands on the same slide)
 *   goes on with the same period: one play, not two.
 *
 * @example step(undefined, report, meta).open // the slide on air, nothing closed yet
 */
import { BUILTIN_ID } from '../../frame/glass.ts';
import { KINDS, type Kind } from '../../content/keys.ts';
import type { EndReason, FleetRecord } from '../../fleet/protocol.ts';
import type { OpenPeriod } from '../store/db-schema.ts';
import type { AirReport } from '../worker-protocol.ts';

export interface StepMeta {
  /** The screen of a period opened without one (before v5). */
  screen: string;
  /** The published hash of an item in a content version (undefined when that set is gone). */
  hash(version: string | null, item: string): string | undefined;
  uuid(): string;
}

export interface Step {
  closed?: FleetRecord;
  open?: OpenPeriod;
}

/** A slide that ends within this of its due end stayed its full time. */
const SLACK_MS = 1000;
const NO_HASH = '0'.repeat(64);

const HASH = /^[0-9a-f]{64}$/;

/**
 * Where an item on the glass came from: its content version and its id there. Frames of several
 * feeds carry the union's version, "<root>+<feed>=<version>+…" (src/frame/merge-feeds.ts), and a
 * feed's items are "<feed>:<id>"; the root's items keep their ids.
 * @example sourceOf(`${a}+lvyuan=${b}`, 'lvyuan:notices/water') // { version: b, id: 'notices/water' }
 */
export function sourceOf(union: string | undefined, item: string | undefined): { version: string | null; id: string | undefined } {
  const [root, ...feeds] = (union ?? '').split('+');
  const cut = item?.indexOf(':') ?? -1;
  const feed = cut > 0 ? feeds.find((f) => f.startsWith(`${item!.slice(0, cut)}=`))?.split('=')[1] : undefined;
  const version = cut > 0 ? feed : root;
  return { version: version && HASH.test(version) ? version : null, id: cut > 0 ? item!.slice(cut + 1) : item };
}

/** The period a report shows, or undefined (loading, the screens list, a page going). */
export function periodOf(r: AirReport): OpenPeriod | undefined {
  const base = { session: r.s, ...(r.screen ? { screen: r.screen } : {}), version: sourceOf(r.version, r.item).version, started: r.at, alive: r.at };
  if (r.state === 'off') return { ...base, type: 'off' };
  if (r.state !== 'on' || !r.item) return undefined;
  const span = r.since <= r.at && r.until > r.since ? { started: r.since, until: r.until } : { until: r.at };
  if (r.item === BUILTIN_ID) return { ...base, ...span, type: 'card' };
  const kind = (KINDS as readonly string[]).includes(r.kind ?? '') ? (r.kind as Kind) : undefined;
  return kind ? { ...base, ...span, type: 'play', item: r.item, kind } : undefined;
}

const same = (a: OpenPeriod, b: OpenPeriod) =>
  a.type === b.type && a.item === b.item && (a.type === 'off' || a.started === b.started);

export function step(open: OpenPeriod | undefined, r: AirReport, meta: StepMeta): Step {
  if (r.state === 'gone') return { open: open && open.session === r.s ? { ...open, alive: Math.max(open.alive, r.at), gone: true } : open };
  const next = periodOf(r);
  if (open && next && same(open, next)) {
    const { gone: _, ...kept } = open;
    return { open: { ...kept, session: r.s, alive: Math.max(open.alive, r.at) } };
  }
  if (!open) return { open: next };
  const mine = open.session === r.s;
  // The same page: it ended when the next began (its start, if reported), else now.
  const end = mine ? Math.max(open.started, Math.min(r.at, next && next.type !== 'off' ? next.started : r.at)) : open.alive;
  const cutShort = open.until !== undefined && end < open.until - SLACK_MS;
  const endedBy: EndReason = !mine ? (open.gone ? 'reload' : 'crash')
    : next?.type === 'off' ? 'off'
    : next?.kind === 'alert' && cutShort ? 'alert'
    : 'next';
  return { closed: recordOf(open, end, endedBy, meta), open: next };
}

function recordOf(p: OpenPeriod, end: number, endedBy: EndReason, meta: StepMeta): FleetRecord {
  const head = {
    id: meta.uuid(), screen: p.screen ?? meta.screen, version: p.version,
    started: new Date(p.started).toISOString(), seconds: Math.max(0, end - p.started) / 1000, endedBy,
  };
  if (p.type !== 'play') return { type: p.type, ...head };
  return {
    type: 'play', ...head, item: p.item!, kind: p.kind!, itemHash: meta.hash(p.version, sourceOf(undefined, p.item).id!) ?? NO_HASH,
    completed: p.until !== undefined && end >= p.until - SLACK_MS,
  };
}
