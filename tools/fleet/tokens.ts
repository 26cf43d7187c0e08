/**
 * Screen tokens: `<screen>.<HMAC-SHA256(secret, "screen:" + screen) in base64url>`. The server
 * keeps no list: it recomputes the MAC. Changing the secret revokes every token at once.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function screenToken(secret: string, screen: string): string {
  const mac = createHmac('sha256', secret).update(`screen:${screen}`).digest('base64url');
  return `${screen}.${mac}`;
}

export type TokenCheck = { ok: true; screen: string } | { ok: false };

/** The screen a token was made for, if its MAC is right. */
export function checkToken(secret: string, token: string): TokenCheck {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return { ok: false };
  const screen = token.slice(0, dot);
  const want = Buffer.from(screenToken(secret, screen));
  const got = Buffer.from(token);
  return want.length === got.length && timingSafeEqual(want, got) ? { ok: true, screen } : { ok: false };
}

/**
 * FLEET_SECRET from the environment, else the secret file, made on first use with 32 random
 * bytes and mode 0600.
 */
export function loadSecret(env: { FLEET_SECRET?: string | undefined }, file: string): string {
  if (env.FLEET_SECRET) {
    if (env.FLEET_SECRET.length < 16) throw new Error('FLEET_SECRET must be at least 16 characters');
    return env.FLEET_SECRET;
  }
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}
