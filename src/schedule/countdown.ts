import type { Locale } from '../content/keys.ts';
import { LOCALE_INDEX } from '../content/locale-index.ts';
import type { Reason } from './reason.ts';

/**
 * An event slide's countdown. `days` counts local calendar days from the instant's local date
 * to the local date the event starts ("還有 3 天" / "3 days to go").
 */
export type Countdown =
  | { state: 'upcoming'; days: number }
  | { state: 'today' }
  | { state: 'running' };

/** The countdown an eligible event item shows, read from its 'event' reason; undefined otherwise. */
export function countdownOf(reasons: readonly Reason[]): Countdown | undefined {
  const r = reasons.find((x) => x.rule === 'event' && x.ok);
  if (!r) return undefined;
  if (r.code === 'event-running') return { state: 'running' };
  if (r.code === 'event-today') return { state: 'today' };
  if (r.code === 'event-upcoming' && typeof r.params.days === 'number') return { state: 'upcoming', days: r.params.days };
  return undefined;
}


/**
 * A countdown label: 還有 3 天 / 今天 / 進行中 (zh-Hans 还有 3 天 / 今天 / 进行中; en 3 days to go /
 * Today / Happening now).
 */
export function describeCountdown(c: Countdown, lang: Locale): string {
  const t = c.state === 'running' ? ['進行中', '进行中', 'Happening now']
    : c.state === 'today' ? ['今天', '今天', 'Today']
    : [`還有 ${c.days} 天`, `还有 ${c.days} 天`, `${c.days} day${c.days === 1 ? '' : 's'} to go`];
  return t[LOCALE_INDEX[lang]]!;
}
