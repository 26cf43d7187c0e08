import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchemas, SCHEMA_DIR } from '../../tools/write-schemas.ts';

describe('JSON Schemas for editors', () => {
  it('are committed and up to date with src/content/schema.ts (run `npm run schema`)', () => {
    for (const [name, text] of Object.entries(renderSchemas())) {
      expect(readFileSync(`${SCHEMA_DIR}/${name}`, 'utf8'), name).toBe(text);
    }
  });

  it('refuse unknown keys and list the calendar keys, for completion in VS Code', () => {
    const item = JSON.parse(renderSchemas()['item.schema.json']!);
    expect(item.additionalProperties).toBe(false);
    expect(item.required).toEqual(['kind', 'title']);
    expect(item.properties.when.properties.solarTerms.items.enum).toContain('shuangjiang');
    expect(item.properties.when.properties.festivals.items.enum).toContain('chongyang');
  });
});
