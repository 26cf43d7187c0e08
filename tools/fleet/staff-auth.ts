/**
 * Staff login for the dashboard. Sessions are HttpOnly, SameSite=Strict cookies on /fleet;
 * every POST must come from this origin (Origin header, and Sec-Fetch-Site where the browser
 * sends it) and carry a token: the login form a double-submit token, later POSTs the
 * session's own CSRF token in X-CSRF-Token. Logins are rate-limited per address.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Db } from './db.ts';
import { loginPage } from './login-page.ts';
import type { RateLimiter } from './rate-limit.ts';
import { checkLogin, closeSession, findSession, openSession, SESSION_HOURS, type Session } from './sessions.ts';

export const SESSION_COOKIE = 'fleet_session';
export const LOGIN_COOKIE = 'fleet_login';
export const BASE = '/fleet';

export type StaffEnv = { Variables: { session: Session; sessionToken: string } };

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** A POST from a page of this server, not from another site. */
export function sameOrigin(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin') return false;
  const origin = c.req.header('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host === (c.req.header('host') ?? new URL(c.req.url).host);
  } catch {
    return false;
  }
}

const secure = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

/** Only for a signed-in staff member: pages go to the login, data answers 401. */
export function requireStaff(db: Db, now: () => number): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = await findSession(db, token, new Date(now()));
    if (!session) {
      if (c.req.path.startsWith(`${BASE}/api/`) || c.req.method !== 'GET') return c.json({ error: 'login-required' }, 401);
      return c.redirect(`${BASE}/login`, 303);
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const csrf = c.req.header('x-csrf-token') ?? '';
      if (!sameOrigin(c) || !same(csrf, session.csrf)) return c.json({ error: 'csrf' }, 403);
    }
    c.set('session', session);
    c.set('sessionToken', token!);
    await next();
  };
}

/** The client's address: the socket's, or behind a proxy we trust, the first X-Forwarded-For. */
function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (trustProxy && forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local'; // in-process requests (tests)
  }
}

export function staffAuth(db: Db, now: () => number, loginLimiter: RateLimiter, trustProxy = false): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  app.get(`${BASE}/login`, (c) => {
    const token = randomBytes(24).toString('base64url');
    setCookie(c, LOGIN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: `${BASE}/login`, secure: secure(c), maxAge: 3600 });
    return c.html(loginPage(token, c.req.header('accept-language') ?? '', c.req.query('failed') !== undefined));
  });

  app.post(`${BASE}/login`, async (c) => {
    if (!sameOrigin(c)) return c.json({ error: 'csrf' }, 403);
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const cookie = getCookie(c, LOGIN_COOKIE) ?? '';
    const field = typeof form.csrf === 'string' ? form.csrf : '';
    if (!cookie || !same(cookie, field)) return c.json({ error: 'csrf' }, 403);
    const wait = loginLimiter.take(clientAddress(c, trustProxy));
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return c.json({ error: 'rate-limited', retryAfter: wait }, 429);
    }
    const name = typeof form.name === 'string' ? form.name.slice(0, 64) : '';
    const password = typeof form.password === 'string' ? form.password.slice(0, 1000) : '';
    if (!(await checkLogin(db, name, password))) return c.redirect(`${BASE}/login?failed`, 303);
    const { token } = await openSession(db, name, new Date(now()));
    deleteCookie(c, LOGIN_COOKIE, { path: `${BASE}/login` });
    setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: BASE, secure: secure(c), maxAge: SESSION_HOURS * 3600 });
    return c.redirect(`${BASE}/`, 303);
  });

  app.post(`${BASE}/logout`, requireStaff(db, now), async (c) => {
    await closeSession(db, c.get('sessionToken'));
    deleteCookie(c, SESSION_COOKIE, { path: BASE });
    return c.json({ ok: true });
  });

  return app;
}
