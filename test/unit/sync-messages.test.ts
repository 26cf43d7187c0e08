import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/content/keys.ts';
import { SYNC_ERROR_CODES, SyncError, isQuotaError, toSyncError } from '../../src/sync/sync-error.ts';
import { SYNC_MESSAGES, syncMessage } from '../../src/bridge/sync-messages.ts';

describe('sync errors and their words', () => {
  it('has words for every code in every locale, and no words for unknown codes', () => {
    expect(Object.keys(SYNC_MESSAGES).sort()).toEqual([...SYNC_ERROR_CODES].sort());
    for (const code of SYNC_ERROR_CODES) for (const l of LOCALES) expect(syncMessage(code, l)).toMatch(/\S/);
  });

  it.each([
    [new DOMException('full', 'QuotaExceededError'), 'quota'],
    [new SyncError('timeout', 'u'), 'timeout'],
    [new Error('disk'), 'storage'],
    ['weird', 'storage'],
  ] as const)('codes %s as %s', (e, code) => {
    expect(toSyncError(e).code).toBe(code);
  });

  it('an aborted signal wins over the error it caused', () => {
    const ctl = new AbortController();
    ctl.abort();
    expect(toSyncError(new Error('x'), ctl.signal).code).toBe('aborted');
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(true);
  });
});
