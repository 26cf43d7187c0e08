import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureFeedKeys, feedPrivateKeyPath, readFeedPublicKey } from '../../tools/lib/feed-keys.ts';
import { publicJwkOf, readPrivateKey } from '../../tools/lib/sign.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sw-feed-keys-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('ensureFeedKeys (the sample on a fresh checkout)', () => {
  it('makes a pair where there is none, keeps a private key another checkout made, and never replaces one', async () => {
    const env = { SW_FEED_KEYS: join(tmp, 'private') };
    const feeds = join(tmp, 'feeds');
    for (const id of ['lvyuan', 'qingxi']) mkdirSync(join(feeds, id), { recursive: true });
    const a = { publicDir: join(tmp, 'a', 'keys/feeds'), env };
    const b = { publicDir: join(tmp, 'b', 'keys/feeds'), env };
    const delegations = [{ id: 'lvyuan' }, { id: 'qingxi' }, { id: 'elsewhere' }, { id: 'inline', key: { kty: 'OKP' as const, crv: 'Ed25519' as const, x: 'x' } }];

    expect(await ensureFeedKeys(delegations, feeds, a)).toEqual(['lvyuan', 'qingxi']);
    const privateBefore = readFileSync(feedPrivateKeyPath('lvyuan', env), 'utf8');
    expect(statSync(feedPrivateKeyPath('lvyuan', env)).mode & 0o777).toBe(0o600);
    expect(readFeedPublicKey('lvyuan', a.publicDir)).toEqual(publicJwkOf(readPrivateKey(feedPrivateKeyPath('lvyuan', env))));
    // Again: nothing to do.
    expect(await ensureFeedKeys(delegations, feeds, a)).toEqual([]);
    // A second checkout on the same machine: its public files come from the same private keys.
    expect(await ensureFeedKeys(delegations, feeds, b)).toEqual(['lvyuan', 'qingxi']);
    expect(readFileSync(feedPrivateKeyPath('lvyuan', env), 'utf8')).toBe(privateBefore);
    expect(readFeedPublicKey('lvyuan', b.publicDir)).toEqual(readFeedPublicKey('lvyuan', a.publicDir));
  });
});
