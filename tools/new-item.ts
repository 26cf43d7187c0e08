/**
 * `npm run new -- <kind> <path> [--now ISO]`: writes content/items/<path>.json from a template
 * with "$schema", ready to edit: a draft, dated from today in the site's time zone, with the
 * season of its folder. Refuses to overwrite an existing file.
 *   npm run new -- health health/winter/my-tip   → content/items/health/winter/my-tip.json
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { KINDS, type Kind } from '../src/content/keys.ts';
import { closest } from '../src/content/closest.ts';
import { timeZoneOf } from '../src/content/defaults.ts';
import { itemTemplate } from './lib/templates.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true, options: { content: { type: 'string', default: 'content' }, now: { type: 'string' } },
});
const [kind, path] = positionals;
const usage = `usage: npm run new -- <${KINDS.join('|')}> <path, e.g. health/autumn/my-tip>`;

if (!kind || !path) {
  console.error(usage);
  process.exit(2);
}
if (!(KINDS as readonly string[]).includes(kind)) {
  const hint = closest(kind, KINDS);
  console.error(`new: unknown kind "${kind}"${hint ? `; did you mean "${hint}"?` : ''}\n${usage}`);
  process.exit(2);
}
const slug = path.replace(/\.json$/, '');
if (!/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/.test(slug)) {
  console.error(`new: "${path}" is not a valid item path: use lower-case letters, digits and "-", folders separated by "/" (e.g. health/autumn/my-tip)`);
  process.exit(2);
}
const file = join(values.content, 'items', `${slug}.json`);
if (existsSync(file)) {
  console.error(`new: ${file} already exists; choose another name (nothing was written)`);
  process.exit(1);
}
mkdirSync(dirname(file), { recursive: true });
const schema = relative(dirname(file), 'public/schema/item.schema.json').split('\\').join('/');
const now = values.now === undefined ? Date.now() : Date.parse(values.now);
if (Number.isNaN(now)) {
  console.error(`new: --now "${values.now}" is not an ISO date-time`);
  process.exit(2);
}
/** The site's time zone, when settings.json can be read (the validator reports it otherwise). */
const timeZone = (() => {
  try {
    const tz = timeZoneOf(JSON.parse(readFileSync(join(values.content, 'settings.json'), 'utf8')));
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return timeZoneOf({});
  }
})();
writeFileSync(file, `${JSON.stringify(itemTemplate(kind as Kind, schema, { path: slug, now, timeZone }), null, 2)}\n`, { flag: 'wx' });
console.log(`new: wrote ${file} (id "${slug}"), a draft: it shows in the preview only. Edit it, set "status": "published" ` +
  'when it is ready (or remove "status"), then run `npm run validate`.');
