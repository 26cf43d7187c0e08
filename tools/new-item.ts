/**
 * `npm run new -- <kind> <path>`: writes content/items/<path>.json from a template with
 * "$schema", ready to edit. Refuses to overwrite an existing file.
 *   npm run new -- health autumn/shuangjiang-tips   → content/items/autumn/shuangjiang-tips.json
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { KINDS, type Kind } from '../src/content/keys.ts';
import { closest } from '../src/content/closest.ts';
import { itemTemplate } from './lib/templates.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { content: { type: 'string', default: 'content' } } });
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
writeFileSync(file, `${JSON.stringify(itemTemplate(kind as Kind, schema), null, 2)}\n`, { flag: 'wx' });
console.log(`new: wrote ${file} (id "${slug}"). Edit it, then run \`npm run validate\`.`);
