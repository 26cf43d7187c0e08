/**
 * Where the keys of delegated feeds live on the publishing machine.
 *  - The public key of feed <id>: `keys/feeds/<id>.public.jwk` (or the delegation's own "key" in
 *    content/settings.json). The compiler copies it into the root manifest, which the street
 *    office signs: that is how a screen learns it.
 *  - The private key of feed <id>: `$SW_FEED_KEYS/<id>.private.jwk`, default
 *    `$XDG_CONFIG_HOME/science-window/feeds/` (else ~/.config/…): outside the repository, on the
 *    feed publisher's machine only. `npm run keys -- --feed <id>` makes both.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FeedDelegation } from '../../src/content/schema.ts';
import { generateSigningKeys, publicJwkOf, readPrivateKey } from './sign.ts';

export const FEED_PUBLIC_KEYS_DIR = 'keys/feeds';

export type PublicJwk = NonNullable<FeedDelegation['key']>;

export function feedPublicKeyPath(id: string, dir = FEED_PUBLIC_KEYS_DIR): string {
  return join(dir, `${id}.public.jwk`);
}

export function feedPrivateKeyPath(id: string, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const dir = env.SW_FEED_KEYS || join(env.XDG_CONFIG_HOME || join(home, '.config'), 'science-window', 'feeds');
  return join(dir, `${id}.private.jwk`);
}

/** The public key file of a feed, or undefined when there is none (or it is not a public Ed25519 JWK). */
export function readFeedPublicKey(id: string, dir = FEED_PUBLIC_KEYS_DIR): PublicJwk | undefined {
  const path = feedPublicKeyPath(id, dir);
  if (!existsSync(path)) return undefined;
  const jwk = JSON.parse(readFileSync(path, 'utf8')) as JsonWebKey;
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string' || 'd' in jwk) return undefined;
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
}

/**
 * Makes feed <id>'s key pair: the private key at feedPrivateKeyPath(id) (mode 0600, outside the
 * repository), the public one at keys/feeds/<id>.public.jwk. Refuses to replace a private key
 * unless `force`.
 */
export async function makeFeedKeys(id: string, opts: { force?: boolean; dir?: string; privatePath?: string } = {}):
  Promise<{ privatePath: string; publicPath: string; publicJwk: JsonWebKey; kid: string }> {
  const privatePath = opts.privatePath ?? feedPrivateKeyPath(id);
  const publicPath = feedPublicKeyPath(id, opts.dir);
  if (existsSync(privatePath) && !opts.force) throw new Error(`${privatePath} exists; keep it, or pass --force to replace it`);
  const { privateJwk, publicJwk, kid } = await generateSigningKeys();
  mkdirSync(dirname(privatePath), { recursive: true, mode: 0o700 });
  writeFileSync(privatePath, `${JSON.stringify(privateJwk)}\n`, { mode: 0o600 });
  mkdirSync(dirname(publicPath), { recursive: true });
  writeFileSync(publicPath, `${JSON.stringify(publicJwk)}\n`);
  return { privatePath, publicPath, publicJwk, kid };
}

/**
 * For `npm start` on a fresh checkout: each delegated feed with a folder here and no key named
 * in its delegation gets a key pair when this machine has none; a private key that is there
 * (another checkout on this machine made it) is kept, and the public file written from it. A
 * key is never replaced here. Returns the feeds given a new pair or a public file.
 */
export async function ensureFeedKeys(
  delegations: readonly Pick<FeedDelegation, 'id' | 'key'>[], feedsDir: string,
  where: { publicDir?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<string[]> {
  const made: string[] = [];
  for (const d of delegations) {
    if (d.key || !existsSync(join(feedsDir, d.id))) continue;
    const privatePath = feedPrivateKeyPath(d.id, where.env);
    if (existsSync(privatePath)) {
      if (readFeedPublicKey(d.id, where.publicDir)) continue;
      const publicPath = feedPublicKeyPath(d.id, where.publicDir);
      mkdirSync(dirname(publicPath), { recursive: true });
      writeFileSync(publicPath, `${JSON.stringify(publicJwkOf(readPrivateKey(privatePath)))}\n`);
    } else {
      // A public file without its private key here: this machine cannot sign for it; make a pair.
      await makeFeedKeys(d.id, { force: true, dir: where.publicDir, privatePath });
    }
    made.push(d.id);
  }
  return made;
}
