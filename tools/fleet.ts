/**
 * `npm run fleet`: the fleet server (docs/fleet.md).
 *
 *   npm run fleet [-- --port 8787 --host 127.0.0.1 --dist dist | --no-dist]
 *   npm run fleet -- token <screen>        prints the screen's token
 *   npm run fleet -- user add <name>       reads the password from stdin (first line)
 *   npm run fleet -- migrate               brings the database schema up to date and exits
 *   npm run fleet -- copy-to <postgres-url>  copies the PGlite database into PostgreSQL
 *
 * PGlite in FLEET_DATA (default .fleet/db) unless DATABASE_URL names a PostgreSQL database.
 * The secret: FLEET_SECRET, else FLEET_SECRET_FILE (default .fleet/secret, made with mode 0600).
 * FLEET_TRUST_PROXY=1 behind nginx: login limits per X-Forwarded-For address.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ScreenIdSchema } from '../src/fleet/protocol.ts';
import * as v from 'valibot';
import { isUsageError, UsageError } from './lib/cli.ts';
import { copyDb } from './fleet/copy-db.ts';
import { openDb, openPglite, openPostgres } from './fleet/db.ts';
import { migrate } from './fleet/migrations.ts';
import { publishedReader } from './fleet/published-reader.ts';
import { startFleetServer } from './fleet/server.ts';
import { addUser } from './fleet/sessions.ts';
import { loadSecret, screenToken } from './fleet/tokens.ts';

const USAGE = `usage: npm run fleet [-- --port N --host H --dist DIR | --no-dist]
       npm run fleet -- token <screen>
       npm run fleet -- user add <name>     (password on stdin)
       npm run fleet -- migrate
       npm run fleet -- copy-to <postgres-url>`;

const DATA = process.env.FLEET_DATA ?? '.fleet';
const secretFile = () => process.env.FLEET_SECRET_FILE ?? join(DATA, 'secret');
const open = async () => {
  const db = await openDb(process.env, join(DATA, 'db'));
  await migrate(db);
  return db;
};

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { port: { type: 'string' }, host: { type: 'string' }, dist: { type: 'string' }, 'no-dist': { type: 'boolean' } },
  });
  const [command, ...rest] = positionals;
  if (command === 'token') {
    const screen = v.safeParse(ScreenIdSchema, rest[0]);
    if (!screen.success || rest.length !== 1) throw new UsageError('token takes one screen id (a-z, 0-9, -)');
    console.log(screenToken(loadSecret(process.env, secretFile()), screen.output));
    return;
  }
  if (command === 'user') {
    if (rest[0] !== 'add' || rest.length !== 2) throw new UsageError('user add <name>');
    if (process.stdin.isTTY) process.stderr.write('password (one line): ');
    const db = await open();
    try {
      await addUser(db, rest[1]!, await readStdinLine());
    } finally {
      await db.close();
    }
    console.log(`user ${rest[1]} saved; their earlier sessions are closed`);
    return;
  }
  if (command === 'migrate') {
    const db = await open();
    await db.close();
    console.log('schema up to date');
    return;
  }
  if (command === 'copy-to') {
    if (rest.length !== 1 || !/^postgres(ql)?:\/\//.test(rest[0]!)) throw new UsageError('copy-to <postgres://…>');
    const from = await openPglite(join(DATA, 'db'));
    const to = await openPostgres(rest[0]!);
    try {
      await copyDb(from, to, (table, rows) => console.log(`  ${table}: ${rows} rows`));
    } finally {
      await from.close();
      await to.close();
    }
    console.log('copied; start the server with DATABASE_URL set to that database');
    return;
  }
  if (command !== undefined) throw new UsageError(`unknown command ${command}`);
  const distDir = values['no-dist'] ? undefined : values.dist ?? (existsSync('dist/index.html') ? 'dist' : undefined);
  const db = await open();
  const running = await startFleetServer({
    db, secret: loadSecret(process.env, secretFile()), distDir, trustProxy: process.env.FLEET_TRUST_PROXY === '1', published: publishedReader(distDir ?? 'dist'),
    port: Number(values.port ?? process.env.FLEET_PORT ?? 8787), host: values.host ?? process.env.FLEET_HOST ?? '127.0.0.1',
  });
  console.log(`fleet server on ${db.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${join(DATA, 'db')}`}`);
  console.log(`  dashboard  ${running.url}fleet/`);
  console.log(`  screen API ${running.url}api/v1/`);
  if (distDir) console.log(`  kiosk      ${running.url}?screen=<id>  (serving ${distDir}/)`);
  const stop = async () => {
    await running.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (isUsageError(e)) {
    console.error(`${e.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
