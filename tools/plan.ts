/**
 * `npm run plan -- --screen <id> --at <ISO> [--content DIR] [--json] [--lang zh-Hant|zh-Hans|en]`:
 * the loop a screen plays at an instant (order, seconds, why each item is in) and every item
 * left out with its reason; whether the screen is lit then and when that changes; the slide on
 * air, with its offset in the loop. It plans with the kiosk's own functions (src/frame/frame-at.ts
 * airAt, src/frame/slide-at.ts) and reads --at as the kiosk reads `at` (src/frame/read-at.ts: an
 * offset, or a bare date or date-time in the settings' time zone). Unknown screen: the list of
 * screens, exit 2. `--json` prints exactly
 *   {"at","screen","on","woken","onAt","offAt","calendar":{…instant facts…},"mode","onAir":{"slide","id","kind","offset","startsAt","endsAt"},
 *    "slides":[{"id","kind","feed","seconds","start","reasons"}],"excluded":[{"id","feed","reasons"}],
 *    "refused":[{"id","feed","code","reason"}],"feeds":[{"id","folder","items","errors","version","generated"}]}
 * where on = the screen is lit (off: mode and onAir are null and slides empty, as on the glass),
 * woken = lit outside its hours by an emergency alert (then offAt is null: it stays lit until
 * the alert ends), onAt / offAt = when it next turns on / off (null: not within 8 days, or the
 * other way),
 * onAir.slide = its number in the loop (1 = first), offset and start = seconds into the loop;
 * feed = the delegated feed an item comes from (null: the root, content/); refused = items of a
 * feed outside its scope (never on any screen); feeds = each delegated feed's folder here
 * (--feeds, default ./feeds) and last build (dist/feeds/<id>/manifest.json).
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isUsageError, runDirectly, UsageError } from './lib/cli.ts';
import {
  decodeTables, festivalName, formatLunar, isoInZone, localText, observanceName, seasonName, termName,
} from '../src/calendar/index.ts';
import { LOCALES, type Locale } from '../src/content/keys.ts';
import type { LocalText, Screen } from '../src/content/schema.ts';
import {
  buildPlaylist, calendarOptions, type CalendarView, createCalendarView, describeCountdown, describeReasons,
  type WordsOptions,
} from '../src/schedule/index.ts';
import { airAt, nextSwitch } from '../src/frame/frame-at.ts';
import { readAt } from '../src/frame/read-at.ts';
import { slideAt } from '../src/frame/slide-at.ts';
import { buildTables } from './lib/calendar-tables.ts';
import { termTip } from './lib/term-tips.ts';
import { loadPlanContent, type PlanContent as LoadedPlan } from './lib/plan-content.ts';
import { feedOfId } from '../src/content/scope.ts';
import { formatMessage } from '../src/content/messages.ts';
import { localeOf, timeZoneOf } from '../src/content/defaults.ts';

const USAGE = `usage: npm run plan -- --screen <id> --at <ISO date-time> [--content DIR] [--feeds DIR] [--json]
                          [--lang zh-Hant|zh-Hans|en]
  --at       e.g. 2026-10-18T09:00+08:00, or 2026-10-18T09:00 / 2026-10-18 in the settings' time zone
  --content  content folder (default: ./content)
  --feeds    the delegated feeds' folders (default: ./feeds)
  --json     machine-readable: {at, screen, on, woken, onAt, offAt, calendar, mode, onAir, slides, excluded}
  --lang     words in this language (default: the screen's locale, else settings, else zh-Hant)`;

/** Where the CLI writes; tests pass collectors. */
export interface PlanIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}


/** Place names from every screen (this screen's own first), so "僅限綠園社區" reads well anywhere. */
function placeNames(screens: readonly Screen[], screen: Screen): Record<string, LocalText> {
  return Object.assign({}, ...screens.map((s) => s.placeNames ?? {}), screen.placeNames ?? {}) as Record<string, LocalText>;
}

/** The content plan reads: the valid part of a content folder and its feeds (tools/lib/plan-content.ts). */
export type PlanContent = Pick<LoadedPlan, 'settings' | 'screens' | 'items'> & Partial<Pick<LoadedPlan, 'refused' | 'feeds'>>;

/**
 * What `screen` plays at `at`, by the kiosk's own functions, with everything plan prints; `json`
 * is exactly what --json prints. (runPlan reads the folder and the arguments, then calls this;
 * callers with the content at hand, such as the e2e that checks plan against the kiosk, call it
 * directly.)
 * @example planAt(loadContent('content'), screen, Date.parse('2026-10-18T09:00:00+08:00'), calendar, 'zh-Hant').json.onAir
 */
export function planAt(content: PlanContent, screen: Screen, at: number, calendar: CalendarView, lang: Locale) {
  const { settings, screens, items } = content;
  const timeZone = calendar.timeZone;
  const words: WordsOptions = { placeNames: placeNames(screens, screen), observances: settings.observances };
  const ctx = { calendar };
  // What the glass plays (drafts never; nothing when the screen is dark), and when it turns on or off.
  const air = airAt(items, screen, settings, at, ctx);
  const playlist = air.playlist;
  const change = nextSwitch(screen, settings, at, ctx);
  const iso = (t: number | undefined) => (t === undefined ? null : isoInZone(t, timeZone));
  const facts = calendar.factsAt(at);
  let start = 0;
  const slides = (playlist?.slides ?? []).map((s) => ({
    id: s.id, kind: s.kind, feed: feedOfId(s.id) ?? null, seconds: s.seconds, start: (start += s.seconds) - s.seconds,
    reasons: describeReasons(s.reasons, lang, words),
  }));
  const onAir = playlist && slideAt(playlist, at);
  const offset = onAir ? (at - (onAir.startsAt - slides[onAir.index]!.start * 1000)) / 1000 : 0;
  // Reasons for the left-out: the rules' verdicts, whether or not the screen is lit.
  const left = playlist ?? buildPlaylist(items, screen, settings, at, ctx);
  const excluded = left.excluded.map((e) => ({ id: e.id, feed: feedOfId(e.id) ?? null, reasons: describeReasons(e.reasons, lang, words) }));
  // Items of a feed outside its scope never reach any screen: refused, with the reason.
  const refused = (content.refused ?? []).map((r) => ({
    id: r.id, feed: r.feed, code: r.code, reason: formatMessage(r.code, { value: r.value, feed: r.feed, allowed: r.allowed }, lang === 'en' ? 'en' : 'zh-Hant'),
  }));
  const feeds = (content.feeds ?? []).map((f) => ({
    id: f.id, folder: f.dir ?? null, items: f.items, errors: f.errors,
    version: f.published?.version ?? null, generated: f.published?.generated ?? null,
  }));
  const json = {
    at: isoInZone(at, timeZone), screen: screen.id, on: air.on, woken: air.woken === true,
    // Woken by an emergency: lit until the alert ends, whatever the hours say.
    onAt: air.on ? null : iso(change), offAt: air.on && !air.woken ? iso(change) : null,
    calendar: facts, mode: playlist?.mode ?? null,
    onAir: onAir ? {
      slide: onAir.index + 1, id: onAir.slide.id, kind: onAir.slide.kind, offset,
      startsAt: isoInZone(onAir.startsAt, timeZone), endsAt: isoInZone(onAir.endsAt, timeZone),
    } : null,
    slides, excluded, refused, feeds,
  };
  return { json, facts, playlist, onAir, change, offset, slides, excluded, refused, feeds };
}

/**
 * Runs the CLI; returns the exit code (0, or 2 for bad arguments or an unknown screen).
 * @example runPlan(['--screen', 'lvyuan-gate', '--at', '2026-10-18T09:00+08:00', '--json'], io) // 0
 */
export async function runPlan(argv: string[], io: PlanIo): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        screen: { type: 'string' }, at: { type: 'string' }, content: { type: 'string' }, feeds: { type: 'string' },
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
    const content = await loadPlanContent(resolve(io.cwd, values.content ?? 'content'), resolve(io.cwd, values.feeds ?? 'feeds'), resolve(io.cwd, 'dist'));
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
    const at = readAt(values.at, timeZone);
    if (!Number.isFinite(at)) throw new UsageError(`--at ${values.at}: not an ISO date-time`);
    const lang: Locale = (values.lang as Locale | undefined) ?? localeOf(settings, screen);
    const plan = planAt(content, screen, at, calendar, lang);
    const { facts, playlist, onAir, change, offset, slides, excluded, refused, feeds } = plan;
    const air = { woken: plan.json.woken };
    if (values.json) {
      io.out(JSON.stringify(plan.json, null, 2));
      return 0;
    }
    const en = lang === 'en';
    const list = (xs: string[]) => xs.join(en ? ', ' : '、') || '—';
    const why = (xs: string[]) => xs.join(en ? '; ' : '；');
    const clock = (sec: number) => `${Math.floor(sec / 60)}:${String(Math.floor(sec % 60)).padStart(2, '0')}`;
    const when = (t: number | undefined) => (t === undefined ? (en ? 'not within 8 days' : '8 天內不會') : isoInZone(t, timeZone).slice(5, 16).replace('T', ' '));
    io.out(`${localText(screen.name, lang)} (${screen.id}) @ ${isoInZone(at, timeZone)} ${timeZone}`);
    io.out([
      facts.date, facts.time, formatLunar(facts.lunar, lang),
      `${termName(facts.currentTerm.key, lang)} (${isoInZone(facts.currentTerm.instant, timeZone).slice(5, 16).replace('T', ' ')})`,
      list(facts.festivals.map((k) => festivalName(k, lang))),
      list(facts.observances.map((k) => observanceName(k, lang, settings.observances))),
      seasonName(facts.season, lang),
    ].join('  '));
    if (!playlist || !onAir) {
      io.out(en ? `The screen is off (outside its hours); it turns on ${when(change)}` : `螢幕關閉（營業時間外），${when(change)} 開啟`);
    } else {
      if (air.woken) {
        io.out(en ? `Outside its hours, woken by an emergency alert (its hours begin ${when(change)})`
          : `營業時間外，緊急預警喚醒螢幕（${when(change)} 起為營業時間）`);
      } else io.out(en ? `The screen is on; it turns off ${when(change)}` : `螢幕開啟，${when(change)} 關閉`);
      io.out('');
      io.out(en ? `Loop (${playlist.mode}): ${slides.length} slide(s), ${playlist.totalSeconds} s`
        : `播放循環（${playlist.mode}）：${slides.length} 張，共 ${playlist.totalSeconds} 秒`);
      io.out(en ? `On air: slide ${onAir.index + 1}, ${onAir.slide.id}, ${clock(offset)} into the loop`
        : `播出中：第 ${onAir.index + 1} 張 ${onAir.slide.id}，循環第 ${clock(offset)}`);
      playlist.slides.forEach((s, i) => {
        const countdown = s.countdown ? ` [${describeCountdown(s.countdown, lang)}]` : '';
        const mark = i === onAir.index ? '▶' : ' ';
        io.out(`${mark}${String(i + 1).padStart(3)}. ${clock(slides[i]!.start).padStart(6)}  ${String(s.seconds).padStart(3)}s  ${s.kind.padEnd(7)} ${s.id}${countdown}`);
        io.out(`${' '.repeat(23)}${why(slides[i]!.reasons)}`);
      });
    }
    if (playlist?.mode === 'builtin') io.out(`${' '.repeat(23)}${termTip(facts.currentTerm.key, lang)}`);
    io.out('');
    io.out(en ? `Left out: ${excluded.length}` : `未播放：${excluded.length} 則`);
    for (const e of excluded) io.out(`  ${e.id}  ${why(e.reasons)}`);
    if (feeds.length > 0) {
      io.out('');
      io.out(en ? `Feeds: ${feeds.length}` : `來源：${feeds.length} 個`);
      for (const f of feeds) {
        const built = f.version ? `${f.version.slice(0, 12)} @ ${f.generated}` : (en ? 'not built here' : '此處未建置');
        io.out(`  ${f.id}  ${f.folder ? relative(io.cwd, f.folder) || '.' : (en ? '(published elsewhere)' : '（在別處發布）')}  ${f.items} ${en ? 'item(s)' : '則'}, ${f.errors} ${en ? 'error(s)' : '個錯誤'}; ${en ? 'last build' : '最近建置'} ${built}`);
      }
      io.out(en ? `Refused (outside their feed's scope): ${refused.length}` : `拒播（超出來源範圍）：${refused.length} 則`);
      for (const r of refused) io.out(`  ${r.id}  ${r.reason}`);
    }
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
  process.exitCode = await runPlan(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
  });
}
