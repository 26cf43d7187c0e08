/**
 * `npm run validate [dir] [--lang zh-Hant|en]`: checks a content folder and prints every
 * problem as `file:line:col: message`. Exit 1 on any error; warnings alone exit 0.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem } from '../src/content/problem.ts';
import { messageLang } from '../src/content/messages.ts';
import { loadContentWithFilms } from './lib/films.ts';
import { feedOfArgs } from './lib/feed-args.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    lang: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    feed: { type: 'string' }, root: { type: 'string', default: 'content' },
    scope: { type: 'string' }, priorities: { type: 'string' }, tags: { type: 'string' },
  },
});
if (values.help) {
  console.log([
    'usage: npm run validate [-- <content-dir>] [--lang zh-Hant|en]',
    '       npm run validate -- --feed <id> [<feed-dir>] [--root content]     a feed against its delegation in the root',
    '       npm run validate -- [--feed <id>] [<feed-dir>] --scope xuanwu>yingshijie>lvyuan[;…] [--priorities normal,high] [--tags a,b] [--root content]',
    '                                                                         a folder against a scope given here (--priorities: default normal,high)',
  ].join('\n'));
  process.exit(0);
}
const dir = positionals[0] ?? (values.feed ? join('feeds', values.feed) : 'content');
if (!existsSync(dir)) {
  console.error(`validate: no such folder: ${dir}`);
  process.exit(2);
}

/** The language: --lang, else settings.json's locale (read leniently), else zh-Hant. */
function settingsLocale(): unknown {
  try {
    // Any JSON at all: `1`, `null`, `{"locale": {}}`; messageLang takes whatever is there.
    return (JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as { locale?: unknown } | null)?.locale;
  } catch {
    return undefined;
  }
}
const lang = messageLang(values.lang ?? settingsLocale());

const started = performance.now();
const feed = feedOfArgs(values, dir);
const content = await loadContentWithFilms(dir, { now: Date.now(), ...(feed ? { feed } : {}) });
for (const p of content.problems) console.log(formatProblem(p, lang));
const errors = content.problems.filter((p) => p.severity === 'error').length;
const warnings = content.problems.length - errors;
const ms = Math.round(performance.now() - started);
const files = content.itemFileCount;
console.log(lang === 'en'
  ? `${errors} error(s), ${warnings} warning(s); ${content.items.length} of ${files} item(s) valid, ${content.screens.length} screen(s) (${ms} ms)`
  : `${errors} 個錯誤，${warnings} 個警告；${files} 則內容中 ${content.items.length} 則有效，${content.screens.length} 個螢幕（${ms} 毫秒）`);
process.exit(errors > 0 ? 1 : 0);
