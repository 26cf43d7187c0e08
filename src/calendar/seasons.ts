/**
 * Seasons. The Chinese seasons begin at the instants of 立春 lichun, 立夏 lixia, 立秋 liqiu and
 * 立冬 lidong; the meteorological ones are whole months (Mar–May spring, Jun–Aug summer,
 * Sep–Nov autumn, Dec–Feb winter).
 */
import { SEASONS, SOLAR_TERMS, type Season, type SeasonSystem, type SolarTerm } from '../content/keys.ts';
import { type CalendarTables } from './tables.ts';
import { termAt } from './terms.ts';

/**
 * The Chinese season a solar term belongs to (立春 … 穀雨 spring, 立夏 … 大暑 summer, …).
 * @example seasonOfTerm('dahan') // 'winter'
 */
export function seasonOfTerm(key: SolarTerm): Season {
  // SOLAR_TERMS starts at 小寒; spring starts two terms later, at 立春; six terms a season.
  const i = SOLAR_TERMS.indexOf(key);
  return SEASONS[Math.floor(((i + 22) % 24) / 6)] ?? 'winter';
}

/**
 * The season at an instant whose local date is `date`: by the term in force at the instant
 * (Chinese, the default), or by the date's month (meteorological).
 * @example seasonAt(Date.UTC(2026, 1, 3, 20, 2), '2026-02-04', tables) // 'spring' (立春's instant)
 */
export function seasonAt(
  instant: number, date: string, tables: CalendarTables, system: SeasonSystem = 'chinese',
): Season {
  if (system === 'meteorological') {
    // December, January, February → 0 → winter (index 3); March → 1 → spring (index 0); …
    return SEASONS[(Math.floor((Number(date.slice(5, 7)) % 12) / 3) + 3) % 4] ?? 'winter';
  }
  return seasonOfTerm(termAt(instant, tables).key);
}
