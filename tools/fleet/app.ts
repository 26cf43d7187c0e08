/**
 * The fleet server's application: the screens' API, the staff login and the dashboard, with
 * the security headers of every answer. A Hono app: tests call `app.request()` in process.
 */
import { Hono } from 'hono';
import { dashboardBundle } from './dashboard-bundle.ts';
import { dashboardRoutes } from './dashboard-routes.ts';
import type { Db } from './db.ts';
import { LOGIN_CSS } from './login-page.ts';
import { EMPTY, type Published } from './published.ts';
import { rateLimiter } from './rate-limit.ts';
import { screenApi } from './screen-api.ts';
import { BASE, staffAuth } from './staff-auth.ts';

export interface FleetOptions {
  db: Db;
  secret: string;
  /** The server's clock (tests pass their own). */
  now?: () => number;
  published?: () => Published;
  /** Screen requests a minute per screen, after a burst (default 60 and 30). */
  perMinute?: number;
  burst?: number;
  maxBodyBytes?: number;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (login limits). */
  trustProxy?: boolean;
  /** The dashboard's script (default: bundled from src/fleet/dashboard/ on first request). */
  script?: () => Promise<string>;
}

export const FLEET_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
  "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'",
].join('; ');

export function fleetApp(options: FleetOptions): Hono {
  const now = options.now ?? Date.now;
  const published = options.published ?? (() => EMPTY);
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on form POSTs.
    c.header('Referrer-Policy', 'same-origin');
    c.header('Cache-Control', 'no-store');
    c.header('Content-Security-Policy', FLEET_CSP);
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
  });
  app.route('/', screenApi({
    db: options.db, secret: options.secret, now, maxBodyBytes: options.maxBodyBytes,
    limiter: rateLimiter({ perMinute: options.perMinute ?? 60, burst: options.burst ?? 30, now }),
    beatSeconds: () => published().beatSeconds,
  }));
  app.get(`${BASE}/login.css`, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(LOGIN_CSS);
  });
  app.route('/', staffAuth(options.db, now, rateLimiter({ perMinute: 10, burst: 10, now }), options.trustProxy));
  app.route('/', dashboardRoutes({ db: options.db, now, published, script: options.script ?? dashboardBundle() }));
  app.notFound((c) => c.json({ error: 'not-found' }, 404));
  app.onError((error, c) => {
    console.error('fleet:', error);
    return c.json({ error: 'server-error' }, 500);
  });
  return app;
}
