/**
 * JSON Schema files for editors, generated from the one valibot definition, so that
 * `"$schema": "../../public/schema/item.schema.json"` gives completion and checking in VS Code.
 * `npm run schema` writes them; a unit test fails when the committed files are out of date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import { ItemSchema, ScreenSchema, SettingsSchema } from '../src/content/schema.ts';

export const SCHEMA_DIR = 'public/schema';

const TITLES: Record<string, [GenericSchema, string]> = {
  'item.schema.json': [ItemSchema, 'science-window content item (content/items/**.json)'],
  'screen.schema.json': [ScreenSchema, 'science-window screen profile (content/screens/<id>.json)'],
  'settings.schema.json': [SettingsSchema, 'science-window site settings (content/settings.json)'],
};

/** The schema files as text, by file name. Checks that JSON Schema cannot express are left to `npm run validate`. */
export function renderSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, [schema, title]] of Object.entries(TITLES)) {
    const json = { ...toJsonSchema(schema, { errorMode: 'ignore' }), title };
    out[name] = `${JSON.stringify(json, null, 2)}\n`;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [name, text] of Object.entries(renderSchemas())) {
    writeFileSync(join(SCHEMA_DIR, name), text);
    console.log(`wrote ${join(SCHEMA_DIR, name)}`);
  }
}
