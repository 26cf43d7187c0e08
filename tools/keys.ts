/**
 * `npm run keys [-- --out <path>] [--force]`: makes an Ed25519 key pair for signing manifests.
 *
 * The private key goes OUTSIDE the repository (default
 * `$XDG_CONFIG_HOME/science-window/signing.private.jwk`, else `~/.config/…`), mode 0600; a path
 * inside the repository (dist/ included) is refused. Publish with `SW_SIGNING_KEY=<that path>`.
 * The public key is printed: add it to `keys/public-keys.json` (a JWK Set, `{"keys": [...]}`;
 * two entries while rotating) and rebuild the app.
 *
 * `--feed <id>`: a delegated feed's pair instead (tools/lib/feed-keys.ts): the private key in
 * `$SW_FEED_KEYS/<id>.private.jwk` (default ~/.config/science-window/feeds/), the public key in
 * keys/feeds/<id>.public.jwk.
 */
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { feedPrivateKeyPath, makeFeedKeys } from './lib/feed-keys.ts';
import { generateSigningKeys } from './lib/sign.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The default place of the private key, outside any repository. */
export function defaultKeyPath(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const config = env.XDG_CONFIG_HOME || join(home, '.config');
  return join(config, 'science-window', 'signing.private.jwk');
}

/** True if `path` is `dir` or inside it. */
export function isInside(path: string, dir: string): boolean {
  const r = relative(resolve(dir), resolve(path));
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

/** The path with its longest existing ancestor's symlinks resolved. */
function real(path: string): string {
  const parent = dirname(path);
  if (existsSync(path)) return realpathSync(path);
  return parent === path ? path : join(real(parent), relative(parent, path));
}

/** The checked path for the private key; throws if it is inside the repository. */
export function privateKeyPath(out: string | undefined, repo = REPO): string {
  const path = resolve(out ?? defaultKeyPath());
  if (isInside(path, repo) || isInside(real(path), real(repo))) {
    throw new Error(`refusing to write a private key inside the repository (${path}); choose a path outside ${repo}`);
  }
  return path;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, feed: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log('usage: npm run keys [-- --out <path outside the repository>] [--feed <id>] [--force]');
    return;
  }
  if (values.feed !== undefined) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(values.feed)) throw new Error(`--feed ${values.feed}: a feed id is lower-case letters, digits and "-"`);
    const made = await makeFeedKeys(values.feed, { force: values.force, privatePath: privateKeyPath(values.out ?? feedPrivateKeyPath(values.feed)) });
    console.log(`private key: ${made.privatePath} (the feed's publisher keeps it; never in the repository or on the server)`);
    console.log(`public key:  ${made.publicPath} (the street office puts it in the feed's delegation: "key" in content/settings.json, or this file)`);
    console.log(`key id:      ${made.kid}`);
    console.log(JSON.stringify(made.publicJwk));
    return;
  }
  const path = privateKeyPath(values.out);
  if (existsSync(path) && !values.force) throw new Error(`${path} exists; keep it, or pass --force to replace it`);
  const { privateJwk, publicJwk, kid } = await generateSigningKeys();
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${JSON.stringify(privateJwk)}\n`, { mode: 0o600 });
  console.log(`private key: ${path} (keep it off the repository and the server)`);
  console.log(`key id:      ${kid}`);
  console.log('public key (add to keys/public-keys.json {"keys": [...]}, then rebuild the app):');
  console.log(JSON.stringify(publicJwk));
  console.log(`sign content builds with: SW_SIGNING_KEY=${path} npm run build`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(`keys: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
