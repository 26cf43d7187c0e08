/**
 * Staff accounts and their sessions. The session cookie holds a random token; the database
 * keeps only its sha256, so a leaked backup opens no session. Each session has its own CSRF
 * token, sent back by the dashboard on every POST.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export const SESSION_HOURS = 12;
const sha = (s: string) => createHash('sha256').update(s).digest('base64url');

export const USER_NAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

export async function addUser(db: Db, name: string, password: string, now = new Date()): Promise<void> {
  if (!USER_NAME.test(name)) throw new Error('a user name is 1–64 letters, digits or . _ @ -');
  if (password.length < 10) throw new Error('a password has at least 10 characters');
  await db.query(
    `INSERT INTO users (name, password, created) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET password = EXCLUDED.password`,
    [name, await hashPassword(password), now.toISOString()],
  );
  await db.query('DELETE FROM sessions WHERE name = $1', [name]);
}

/** A dummy hash, so an unknown name costs the same time as a wrong password. */
let dummy: Promise<string> | undefined;

export async function checkLogin(db: Db, name: string, password: string): Promise<boolean> {
  const rows = await db.query<{ password: string }>('SELECT password FROM users WHERE name = $1', [name]);
  dummy ??= hashPassword('not a password at all');
  const ok = await verifyPassword(password, rows[0]?.password ?? (await dummy));
  return ok && rows.length === 1;
}

export interface Session {
  name: string;
  csrf: string;
}

export async function openSession(db: Db, name: string, now: Date): Promise<{ token: string; csrf: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const expires = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  await db.query('DELETE FROM sessions WHERE expires < $1', [now.toISOString()]);
  await db.query('INSERT INTO sessions (id, name, csrf, expires) VALUES ($1, $2, $3, $4)', [sha(token), name, csrf, expires]);
  return { token, csrf };
}

export async function findSession(db: Db, token: string | undefined, now: Date): Promise<Session | undefined> {
  if (!token || token.length > 100) return undefined;
  const rows = await db.query<Session>('SELECT name, csrf FROM sessions WHERE id = $1 AND expires > $2', [sha(token), now.toISOString()]);
  return rows[0];
}

export async function closeSession(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.query('DELETE FROM sessions WHERE id = $1', [sha(token)]);
}
