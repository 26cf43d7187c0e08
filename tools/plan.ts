/**
 * `npm run plan -- --screen <id> --at <ISO> [--content DIR] [--json] [--lang zh-Hant|zh-Hans|en]`:
 * the loop a screen plays at an instant (order, seconds, why each item is in) and every item
 * left out with its reason. --at takes an ISO date-time with an offset, or a local
 * "YYYY-MM-DD[THH:mm]" read in the settings' time zone. Unknown screen: the list of screens,
 * exit 2. `--json` prints exactly
 *   {"at","screen","calendar":{…instant facts…},"slides":[{"id","kind","seconds","reasons"}],"excluded":[{"id","reasons"}]}
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isUsageError, runDirectly, UsageError } from './lib/cli.ts';
import {
  decodeTables, festivalName, formatLunar, isoInZone, localText, observanceName, seasonName, termName,
} from '../src/calendar/index.ts';
import { LOCALES, type Locale } from '../src/content/keys.ts';
import type { LocalText, Screen } from '../src/content/schema.ts';
import {
  buildPlaylist, calendarOptions, createCalendarView, describeCountdown, describeReasons, screenIsOn,
  type WordsOptions,
} from '../src/schedule/index.ts';
import { buildTables } from './lib/calendar-tables.ts';
import { termTip } from './lib/term-tips.ts';
import { loadContent } from './lib/load-content.ts';
import { localeOf, timeZoneOf } from '../src/content/defaults.ts';

const USAGE = `usage: npm run plan -- --screen <id> --at <ISO date-time> [--content DIR] [--json]
                          [--lang zh-Hant|zh-Hans|en]
  --at       e.g. 2026-10-18T09:00+08:00, or 2026-10-18T09:00 / 2026-10-18 in the settings' time zone
  --content  content folder (default: ./content)
  --json     machine-readable: {at, screen, calendar, slides, excluded}
  --lang     words in this language (default: the screen's locale, else settings, else zh-Hant)`;

/** Where the CLI writes; tests pass collectors. */
export interface PlanIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}


const LOCAL = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2})?)?$/;

/** The instant of --at: with an offset as given, without one in the settings' zone. */
function parseAt(s: string, zoned: (date: string, time: string) => number): number {
  const local = LOCAL.exec(s);
  const t = local ? zoned(local[1]!, local[2] ?? '00:00') : Date.parse(s);
  if (!Number.isFinite(t)) throw new UsageError(`--at ${s}: not an ISO date-time`);
  return t;
}

/** Place names from every screen (this screen's own first), so "僅限綠園社區" reads well anywhere. */
function placeNames(screens: readonly Screen[], screen: Screen): Record<string, LocalText> {
  return Object.assign({}, ...screens.map((s) => s.placeNames ?? {}), screen.placeNames ?? {}) as Record<string, LocalText>;
}

/**
 * Runs the CLI; returns the exit code (0, or 2 for bad arguments or an unknown screen).
 * @example runPlan(['--screen', 'lvyuan-gate', '--at', '2026-10-18T09:00+08:00', '--json'], io) // 0
 */
export function runPlan(argv: string[], io: PlanIo): number {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        screen: { type: 'string' }, at: { type: 'string' }, content: { type: 'string' },
        json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (values.lang !== undefined && !(LOCALES as readonly string[]).includes(values.lang)) {
      throw new UsageError(`--lang ${values.lang}: one of ${LOCALES.join(', ')}`);
    }
    if (values.screen === undefined) throw new UsageError('--screen is required');
    const content = loadContent(resolve(io.cwd, values.content ?? 'content'));
    const errors = content.problems.filter((p) => p.severity === 'error').length;
    if (errors > 0) io.err(`plan: ${errors} content error(s) left some files out; run npm run validate`);
    const { settings, screens, items } = content;
    const screen = screens.find((s) => s.id === values.screen);
    if (!screen) {
      io.err(`plan: no screen "${values.screen}". Screens: ${screens.map((s) => s.id).join(', ') || '(none)'}`);
      return 2;
    }
    const timeZone = timeZoneOf(settings);
    if (values.at === undefined) throw new UsageError('--at is required');
    if (!/^\d{4}-\d{2}-\d{2}/.test(values.at)) throw new UsageError(`--at ${values.at}: not an ISO date-time`);
    const year = Number(values.at.slice(0, 4));
    if (year < 1901 || year > 2099) throw new UsageError(`--at ${values.at}: a date between 1901 and 2099`);
    const calendar = createCalendarView(decodeTables(buildTables(year - 1, year + 1)), timeZone, calendarOptions(settings));
    const at = parseAt(values.at, (d, t) => calendar.zonedInstant(d, t));
    const lang: Locale = (values.lang as Locale | undefined) ?? localeOf(settings, screen);
    const words: WordsOptions = { placeNames: placeNames(screens, screen), observances: settings.observances };
    const playlist = buildPlaylist(items, screen, settings, at, { calendar });
    const facts = calendar.factsAt(at);
    const slides = playlist.slides.map((s) => ({ id: s.id, kind: s.kind, seconds: s.seconds, reasons: describeReasons(s.reasons, lang, words) }));
    const excluded = playlist.excluded.map((e) => ({ id: e.id, reasons: describeReasons(e.reasons, lang, words) }));
    if (values.json) {
      io.out(JSON.stringify({ at: isoInZone(at, timeZone), screen: screen.id, calendar: facts, slides, excluded }, null, 2));
      return 0;
    }
    const en = lang === 'en';
    const list = (xs: string[]) => xs.join(en ? ', ' : '、') || '—';
    const why = (xs: string[]) => xs.join(en ? '; ' : '；');
    io.out(`${localText(screen.name, lang)} (${screen.id}) @ ${isoInZone(at, timeZone)} ${timeZone}`);
    io.out([
      facts.date, facts.time, formatLunar(facts.lunar, lang),
      `${termName(facts.currentTerm.key, lang)} (${isoInZone(facts.currentTerm.instant, timeZone).slice(5, 16).replace('T', ' ')})`,
      list(facts.festivals.map((k) => festivalName(k, lang))),
      list(facts.observances.map((k) => observanceName(k, lang, settings.observances))),
      seasonName(facts.season, lang),
    ].join('  '));
    if (!screenIsOn(screen, settings, at, { calendar })) io.out(en ? '(the screen is off at this time)' : '（此時螢幕關閉）');
    io.out('');
    io.out(en ? `Loop (${playlist.mode}): ${slides.length} slide(s), ${playlist.totalSeconds} s`
      : `播放循環（${playlist.mode}）：${slides.length} 張，共 ${playlist.totalSeconds} 秒`);
    let start = 0;
    playlist.slides.forEach((s, i) => {
      const countdown = s.countdown ? ` [${describeCountdown(s.countdown, lang)}]` : '';
      const clock = `${Math.floor(start / 60)}:${String(start % 60).padStart(2, '0')}`;
      io.out(`${String(i + 1).padStart(3)}. ${clock.padStart(6)}  ${String(s.seconds).padStart(3)}s  ${s.kind.padEnd(7)} ${s.id}${countdown}`);
      io.out(`${' '.repeat(22)}${why(slides[i]!.reasons)}`);
      start += s.seconds;
    });
    if (playlist.mode === 'builtin') io.out(`${' '.repeat(22)}${termTip(facts.currentTerm.key, lang)}`);
    io.out('');
    io.out(en ? `Left out: ${excluded.length}` : `未播放：${excluded.length} 則`);
    for (const e of excluded) io.out(`  ${e.id}  ${why(e.reasons)}`);
    return 0;
  } catch (e) {
    if (isUsageError(e)) {
      io.err(`plan: ${(e as Error).message}`);
      io.err(USAGE);
      return 2;
    }
    throw e;
  }
}

if (runDirectly(import.meta.url)) {
  // `npm run plan … | head` closes the pipe early: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  process.exitCode = runPlan(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
  });
}
