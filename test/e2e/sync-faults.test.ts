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
import { killCases } from './matrix/kill-cases.ts';
import { counts, matrixEnv, onKiosk, SIZES } from './matrix/kiosk.ts';
import { publisherCases, signatureCases } from './matrix/publisher-cases.ts';
import { storageCases } from './matrix/storage-cases.ts';
import { MODES, transportCases } from './matrix/transport-cases.ts';

const env = matrixEnv();
afterAll(() => {
  console.log(`sync fault cases run in Chromium: ${counts().ran} (of ${counts().planned})`);
});

const ALL = ['between', 'before', 'during'] as const;

// The signed build, the sample: everything, 'slow' in both modes (at the manifest, an item and a
// picture: the page and the calendar are fetched under the same timeout as an item; each slow
// case waits out the 3 s timeout in real time, twice when persistent).
describe('signed app, sample', () => {
  onKiosk(env, () => env.signed, SIZES[0], (k) => {
    describe('transport faults', () => transportCases(k, { slow: MODES, slowPoints: ['manifest', 'item', 'asset'] }));
    describe('publisher and mirror faults', () => publisherCases(k));
    describe('signatures', () => signatureCases(k, () => env.other));
    describe('storage lost', () => storageCases(k, { cache: ALL, database: ALL, both: ALL }));
    describe('clock jumps', () => clockCases(k));
  });
});

// The signed build, a thousand items, in a Chromium of its own (killed at the end): each loss
// of the database re-downloads the thousand items, so once. Transport faults persistent (the
// retry after a fault heals, 'once', and 'slow' do not depend on the size: the sample kiosks
// run them), each case converging on a thousand-item set.
describe('signed app, 1,000 items', () => {
  onKiosk(env, () => env.signed, SIZES[1], (k) => {
    describe('transport faults', () => transportCases(k, { modes: ['persistent'] }));
    describe('publisher and mirror faults', () => publisherCases(k));
    describe('signatures', () => signatureCases(k, () => env.other));
    describe('storage lost', () => storageCases(k, { cache: ALL, database: ['during'] }));
    describe('clock jumps', () => clockCases(k));
    describe('the browser killed', () => killCases(k));
  }, true);
});

// The unsigned build (dist/), the sample: its own manifest path (no signature), an older
// valid manifest served to it, and the rest but 'slow' (its request timeout is a minute).
describe('unsigned app, sample', () => {
  onKiosk(env, () => env.unsigned, SIZES[0], (k) => {
    describe('transport faults', () => transportCases(k));
    describe('publisher and mirror faults', () => publisherCases(k));
    describe('storage lost', () => storageCases(k, { cache: ALL, database: ALL, both: ALL }));
    describe('clock jumps', () => clockCases(k));
  });
});

describe('the matrix', () => {
  it('has at least 200 cases, and every one ran', () => {
    expect(counts().planned).toBeGreaterThanOrEqual(200);
    expect(counts().ran).toBe(counts().planned);
  });
});
