import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGET, entrySize } from '../../tools/lib/budget.ts';

/**
 * Sizes of the built app (npm test builds it first). A size check, not a timed test.
 *
 * DESIGN.md's budget for the kiosk is 20 KB gzip of JS (everything the page loads) and 5 KB of
 * CSS. The CSS is within it. The JS is not yet (about 33 KB: Lit, idb and workbox-window are
 * 9.5 KB, valibot 4 KB, our calendar, schedule, sync and UI the rest); closing that gap is open
 * work on issue 3. Until then CEILING_JS stops the kiosk from growing: lower it as the kiosk
 * shrinks, never raise it.
 */
const CEILING_JS = 34 * 1024;

describe('kiosk budget (DESIGN.md)', () => {
  it('has a build to measure', () => {
    expect(existsSync('dist/.vite/manifest.json'), 'run `npm run build` first').toBe(true);
  });

  it('keeps the kiosk CSS within 5 KB gzip and its JS under the ceiling', () => {
    const size = entrySize('dist', 'index.html');
    const over = size.js - BUDGET.js;
    console.log(`kiosk: ${size.js} B gzip JS (budget ${BUDGET.js}: ${over > 0 ? `${over} B over` : 'within'}), ${size.css} B gzip CSS (budget ${BUDGET.css}) — ${size.files.join(', ')}`);
    expect(size.js).toBeGreaterThan(5_000); // Lit alone is more: a smaller figure means the measure broke
    expect(size.js).toBeLessThanOrEqual(CEILING_JS);
    expect(size.css).toBeLessThanOrEqual(BUDGET.css);
  });
});
