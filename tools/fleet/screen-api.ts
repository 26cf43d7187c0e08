/**
 * The screens' API (src/fleet/protocol.ts): token, then rate limit, then body size, then the
 * schema, then the screen named in the body against the token. Every refusal is JSON with an
 * `error` code; a malformed body also says where (valibot's issue path).
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import * as v from 'valibot';
import {
  API_BASE, describeIssues, HeartbeatSchema, MAX_BODY_BYTES, RecordBatchSchema,
  type HeartbeatAnswer, type IngestAnswer,
} from '../../src/fleet/protocol.ts';
import type { Db } from './db.ts';
import { ingestRecords, storeHeartbeat } from './ingest.ts';
import type { RateLimiter } from './rate-limit.ts';
import { checkToken } from './tokens.ts';

export interface ScreenApiOptions {
  db: Db;
  secret: string;
  now: () => number;
  limiter: RateLimiter;
  beatSeconds: () => number;
  maxBodyBytes?: number;
}

type Env = { Variables: { screen: string } };

const refuse = (c: Context, status: 400 | 401 | 403 | 413 | 429, error: string, extra: object = {}) =>
  c.json({ error, ...extra }, status);

function screenAuth(secret: string): MiddlewareHandler<Env> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer ([A-Za-z0-9._-]{1,200})$/.exec(header);
    if (!m) {
      c.header('WWW-Authenticate', 'Bearer realm="fleet"');
      return refuse(c, 401, header ? 'bad-token' : 'no-token');
    }
    const check = checkToken(secret, m[1]!);
    if (!check.ok) {
      c.header('WWW-Authenticate', 'Bearer realm="fleet", error="invalid_token"');
      return refuse(c, 401, 'bad-token');
    }
    c.set('screen', check.screen);
    await next();
  };
}

function rateLimit(limiter: RateLimiter): MiddlewareHandler<Env> {
  return async (c, next) => {
    const wait = limiter.take(c.get('screen'));
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return refuse(c, 429, 'rate-limited', { retryAfter: wait });
    }
    await next();
  };
}

async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: JSON.parse(await c.req.text()) as unknown };
  } catch {
    return { ok: false };
  }
}

export function screenApi(options: ScreenApiOptions): Hono<Env> {
  const { db, secret, now, limiter } = options;
  const api = new Hono<Env>();
  // Screens on another origin (the kiosk on a CDN, the fleet on its own host): their service
  // worker's POSTs carry a bearer token and no cookie, so any origin may send them.
  api.use(`${API_BASE}/*`, cors({
    origin: '*', allowMethods: ['POST'], allowHeaders: ['Authorization', 'Content-Type'],
    exposeHeaders: ['Date', 'Retry-After'], maxAge: 86_400,
  }));
  const guard = [
    screenAuth(secret),
    rateLimit(limiter),
    bodyLimit({ maxSize: options.maxBodyBytes ?? MAX_BODY_BYTES, onError: (c) => refuse(c, 413, 'body-too-large') }),
  ] as const;

  async function checked<S extends v.GenericSchema>(c: Context<Env>, schema: S) {
    const json = await readJson(c);
    if (!json.ok) return { response: refuse(c, 400, 'malformed', { issues: [{ path: '(body)', message: 'not-json' }] }) };
    const parsed = v.safeParse(schema, json.value);
    if (!parsed.success) return { response: refuse(c, 400, 'malformed', { issues: describeIssues(parsed.issues) }) };
    return { value: parsed.output as v.InferOutput<S> };
  }

  api.post(`${API_BASE}/records`, ...guard, async (c) => {
    const r = await checked(c, RecordBatchSchema);
    if (r.response) return r.response;
    const screen = c.get('screen');
    const batch = r.value;
    if (batch.screen !== screen || batch.records.some((rec) => rec.screen !== screen)) return refuse(c, 403, 'other-screen');
    const answer: IngestAnswer = await ingestRecords(db, screen, batch.records, new Date(now()));
    return c.json(answer);
  });

  api.post(`${API_BASE}/heartbeat`, ...guard, async (c) => {
    const r = await checked(c, HeartbeatSchema);
    if (r.response) return r.response;
    if (r.value.screen !== c.get('screen')) return refuse(c, 403, 'other-screen');
    const at = new Date(now());
    await storeHeartbeat(db, r.value, at, options.beatSeconds());
    const answer: HeartbeatAnswer = { serverTime: at.toISOString() };
    c.header('Date', at.toUTCString());
    return c.json(answer);
  });

  return api;
}
