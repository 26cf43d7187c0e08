import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGET, entrySize } from '../../tools/lib/budget.ts';

// Sizes of the built app (npm test builds it first). A size check, not a timed test.
describe('kiosk budget (DESIGN.md)', () => {
  it('has a build to measure', () => {
    expect(existsSync('dist/.vite/manifest.json'), 'run `npm run build` first').toBe(true);
  });

  it('keeps the kiosk entry within 20 KB gzip of JS and 5 KB gzip of CSS', () => {
    const size = entrySize('dist', 'index.html');
    console.log(`kiosk entry: ${size.js} B gzip JS, ${size.css} B gzip CSS (${size.files.join(', ')})`);
    expect(size.js).toBeGreaterThan(5_000); // Lit alone is more: a smaller figure means the measure broke
    expect(size.js).toBeLessThanOrEqual(BUDGET.js);
    expect(size.css).toBeLessThanOrEqual(BUDGET.css);
  });
});
