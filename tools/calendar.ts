/**
 * `npm run calendar -- --from <date> --to <date> [--json] [--tz <zone>] [--lang zh-Hant|zh-Hans|en]
 * [--content DIR]`: one line a day with the lunar date, the solar term that starts that day (and
 * its local time), festivals, observances and season. Reads content/settings.json (time zone,
 * season system, locale, extra observances) when it is there. Bad arguments: a message, exit 2.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isUsageError, runDirectly, UsageError } from './lib/cli.ts';
import { LOCALES, SEASON_SYSTEMS, type Locale, type SeasonSystem } from '../src/content/keys.ts';
import type { LocalText, ObservanceRule } from '../src/content/schema.ts';
import {
  addDays, dayFacts, dayNumber, decodeTables, festivalName, formatLunar, instantFacts, isoInZone, isoWeekday,
  localTime, observanceName, seasonName, termName, zonedInstant,
} from '../src/calendar/index.ts';
import { buildTables } from './lib/calendar-tables.ts';
import { localeOf, timeZoneOf } from '../src/content/defaults.ts';

const USAGE = `usage: npm run calendar -- --from YYYY-MM-DD --to YYYY-MM-DD [--json] [--tz ZONE]
                              [--lang zh-Hant|zh-Hans|en] [--content DIR]
  --from, --to  first and last day (inclusive), between 1900-01-01 and 2100-12-31
  --json        one JSON object a line
  --tz          IANA time zone of the days (default: settings.json timeZone, else Asia/Shanghai)
  --lang        names in this language (default: settings.json locale, else zh-Hant)
  --content     content folder whose settings.json to read (default: ./content)
The season is the one in force at the end of the day; on a day a season begins, the line says
from which minute (e.g. 秋季→冬季 17:52), as the screens switch at that minute.`;

/** Where the CLI writes; tests pass collectors. */
export interface CalendarIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

/** What the CLI takes from settings.json. */
interface CalendarSettings {
  timeZone?: string;
  locale?: Locale;
  seasons?: SeasonSystem;
  observances: ObservanceRule[];
}


const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isLocalText(v: unknown): v is LocalText {
  return (typeof v === 'string' && v.trim() !== '') ||
    (isRecord(v) && Object.values(v).length > 0 && Object.values(v).every((s) => typeof s === 'string'));
}

/** One settings observance, if it has the shape of a rule; the validator gives the details. */
function observanceRule(v: unknown): ObservanceRule | undefined {
  if (!isRecord(v) || typeof v.key !== 'string' || !/^[a-z0-9-]+$/.test(v.key) || !isLocalText(v.name)) return undefined;
  if (typeof v.date === 'string' && /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v.date)) {
    return { key: v.key, name: v.name, date: v.date };
  }
  const { month, weekday, nth } = v;
  const int = (n: unknown, lo: number, hi: number): n is number => Number.isInteger(n) && (n as number) >= lo && (n as number) <= hi;
  if (int(month, 1, 12) && int(weekday, 1, 7) && int(nth, -1, 5) && nth !== 0) {
    return { key: v.key, name: v.name, month, weekday, nth };
  }
  return undefined;
}

/**
 * settings.json read leniently: JSON.parse, then keep the fields that make sense and say on
 * stderr what was ignored. No file, or a file that is not JSON: defaults.
 */
function readSettings(dir: string, io: CalendarIo): CalendarSettings {
  const file = join(dir, 'settings.json');
  if (!existsSync(file)) return { observances: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    io.err(`${file}: not JSON (${(e as Error).message}); using the defaults`);
    return { observances: [] };
  }
  const s = isRecord(raw) ? raw : {};
  const out: CalendarSettings = { observances: [] };
  if (typeof s.timeZone === 'string') out.timeZone = s.timeZone;
  if ((LOCALES as readonly unknown[]).includes(s.locale)) out.locale = s.locale as Locale;
  if ((SEASON_SYSTEMS as readonly unknown[]).includes(s.seasons)) out.seasons = s.seasons as SeasonSystem;
  if (Array.isArray(s.observances)) {
    s.observances.forEach((o, i) => {
      const rule = observanceRule(o);
      if (rule) out.observances.push(rule);
      else io.err(`${file}: observances[${i}] is not a rule ({key, name, date: "MM-DD"} or {key, name, month, weekday, nth}); ignored`);
    });
  }
  return out;
}

function checkZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    throw new UsageError(`unknown time zone: ${timeZone} (an IANA name such as Asia/Shanghai)`);
  }
}

function checkDate(name: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`missing --${name} YYYY-MM-DD`);
  try {
    dayNumber(value);
  } catch {
    throw new UsageError(`--${name} ${value}: not a date YYYY-MM-DD`);
  }
  if (value < '1900-01-01' || value > '2100-12-31') {
    throw new UsageError(`--${name} ${value}: the calendar covers 1900-01-01 … 2100-12-31`);
  }
  return value;
}

const WEEKDAYS: Record<Locale, string[]> = {
  'zh-Hant': ['週一', '週二', '週三', '週四', '週五', '週六', '週日'],
  'zh-Hans': ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/**
 * Runs the CLI; returns the exit code (0, or 2 for bad arguments).
 * @example runCalendar(['--from', '2026-10-18', '--to', '2026-10-18', '--json'], io) // 0
 */
export function runCalendar(argv: string[], io: CalendarIo): number {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' },
        tz: { type: 'string' }, lang: { type: 'string' }, content: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const from = checkDate('from', values.from);
    const to = checkDate('to', values.to);
    if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
    if (values.lang !== undefined && !(LOCALES as readonly string[]).includes(values.lang)) {
      throw new UsageError(`--lang ${values.lang}: one of ${LOCALES.join(', ')}`);
    }
    const settings = readSettings(resolve(io.cwd, values.content ?? 'content'), io);
    const timeZone = checkZone(values.tz ?? timeZoneOf(settings));
    const locale = (values.lang as Locale | undefined) ?? localeOf(settings);
    const opts = { seasons: settings.seasons ?? 'chinese', observances: settings.observances };
    const tables = decodeTables(buildTables(Number(from.slice(0, 4)), Number(to.slice(0, 4))));
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const f = dayFacts(date, tables, opts, timeZone);
      // The season at the day's first minute: different on the day a season begins, at the term's minute.
      const dawn = instantFacts(zonedInstant(date, '00:00', timeZone), timeZone, tables, opts).season;
      const change = dawn !== f.season && f.solarTerm ? { from: dawn, at: f.solarTerm.instant } : undefined;
      if (values.json) {
        // Key order is part of the output contract.
        io.out(JSON.stringify({
          date: f.date,
          lunar: { month: f.lunar.month, day: f.lunar.day, leap: f.lunar.leap },
          ...(f.solarTerm ? {
            solarTerm: {
              key: f.solarTerm.key,
              name: termName(f.solarTerm.key, locale),
              instant: isoInZone(f.solarTerm.instant, timeZone),
            },
          } : {}),
          festivals: f.festivals,
          observances: f.observances,
          season: f.season,
          ...(change ? { seasonChange: { from: change.from, at: isoInZone(change.at, timeZone) } } : {}),
        }));
      } else {
        const none = locale === 'en' ? '-' : '—';
        const list = (names: string[]): string => names.join(locale === 'en' ? ', ' : '、') || none;
        io.out([
          date,
          WEEKDAYS[locale][isoWeekday(date) - 1],
          formatLunar(f.lunar, locale),
          f.solarTerm ? `${termName(f.solarTerm.key, locale)} ${localTime(f.solarTerm.instant, timeZone)}` : none,
          list(f.festivals.map((k) => festivalName(k, locale))),
          list(f.observances.map((k) => observanceName(k, locale, settings.observances))),
          change ? `${seasonName(change.from, locale)}→${seasonName(f.season, locale)} ${localTime(change.at, timeZone)}` : seasonName(f.season, locale),
        ].join('  '));
      }
    }
    return 0;
  } catch (e) {
    if (isUsageError(e)) {
      io.err(`calendar: ${(e as Error).message}`);
      io.err(USAGE);
      return 2;
    }
    throw e;
  }
}

if (runDirectly(import.meta.url)) {
  process.exitCode = runCalendar(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
  });
}
