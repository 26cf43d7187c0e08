/**
 * The Chromium fault matrix, against a real local HTTP server: faults × points of a sync ×
 * content sizes × fault modes × app builds, plus storage, clock, publisher and mirror faults.
 * Cases share one kiosk per (app build, content size): each publishes the next version (a
 * distinct change), breaks something, checks that the active set stays complete and valid and
 * a slide stays on screen, and that the screen converges on the new version once the fault
 * clears. Prints how many cases ran, and checks there are at least 200.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { clockCases } from './matrix/clock-cases.ts';
import { counts, matrixEnv, onKiosk, SIZES } from './matrix/kiosk.ts';
import { publisherCases, signatureCases } from './matrix/publisher-cases.ts';
import { storageCases } from './matrix/storage-cases.ts';
import { transportCases } from './matrix/transport-cases.ts';

const env = matrixEnv();
afterAll(() => {
  console.log(`sync fault cases run in Chromium: ${counts().ran} (of ${counts().planned})`);
});

for (const build of ['unsigned', 'signed'] as const) {
  for (const size of SIZES) {
    describe(`${build} app, ${size.name}`, () => {
      onKiosk(env, () => env[build], size, (k) => {
        // 'slow' needs the signed build's short request timeout (the default is 60 s).
        describe('transport faults', () => transportCases(k, build === 'signed'));
        describe('publisher and mirror faults', () => publisherCases(k));
        if (build === 'signed') describe('signatures', () => signatureCases(k, () => env.other));
        describe('storage lost', () => storageCases(k));
        describe('clock jumps', () => clockCases(k));
      });
    });
  }
}

describe('the matrix', () => {
  it('has at least 200 cases, and every one ran', () => {
    expect(counts().planned).toBeGreaterThanOrEqual(200);
    expect(counts().ran).toBe(counts().planned);
  });
});
