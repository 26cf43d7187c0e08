/**
 * The network-only source (the preview, and a screen without offline storage) applies the
 * sync engine's checks: signatures when the app has keys, sha256 of every file, the schema.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchContent } from '../../src/bridge/fetch-content.ts';
import { compileContent } from '../../tools/lib/compile.ts';
import { generateSigningKeys } from '../../tools/lib/sign.ts';
import { type RunningServer, serveStatic } from '../../tools/lib/static-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'sw-fetch-'));
let server: RunningServer;
let keys: Awaited<ReturnType<typeof generateSigningKeys>>;
let base: URL;
const manifestFile = join(dir, 'content/manifest.json');

beforeAll(async () => {
  keys = await generateSigningKeys();
  const r = await compileContent({ contentDir: 'test/fixtures/valid', outDir: join(dir, 'content'), now: Date.parse('2026-10-01T00:00:00Z'), calendarYears: [2026, 2027], signingKey: keys.privateJwk });
  expect(r.ok).toBe(true);
  server = await serveStatic(dir);
  base = new URL('content/', server.url);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('fetchContent', () => {
  it('loads a signed set with the public key', async () => {
    const c = await fetchContent(base, { publicKeys: [keys.publicJwk] });
    expect(c.items.map((i) => i.id)).toEqual(['events/winter', 'health/chongyang', 'health/water', 'notice']);
  });

  it('refuses an unsigned or tampered manifest when the app has keys', async () => {
    const signed = readFileSync(manifestFile, 'utf8');
    const m = JSON.parse(signed);
    try {
      writeFileSync(manifestFile, JSON.stringify({ ...m, signature: undefined }));
      await expect(fetchContent(base, { publicKeys: [keys.publicJwk] })).rejects.toMatchObject({ code: 'unsigned' });
      writeFileSync(manifestFile, JSON.stringify({ ...m, pages: m.pages.slice(1) }));
      await expect(fetchContent(base, { publicKeys: [keys.publicJwk] })).rejects.toMatchObject({ code: 'bad-signature' });
    } finally {
      writeFileSync(manifestFile, signed);
    }
  });

  it.each(['page', 'item'])('refuses %s bytes that do not match their hash', async (what) => {
    const m = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const page = m.pages[0].url as string;
    const url = what === 'page' ? page : JSON.parse(readFileSync(join(dir, 'content', page), 'utf8')).items[0].url;
    const file = join(dir, 'content', url);
    const good = readFileSync(file);
    try {
      writeFileSync(file, Buffer.concat([good.subarray(0, good.length - 1), Buffer.from(' ')]));
      await expect(fetchContent(base)).rejects.toMatchObject({ code: 'hash-mismatch', detail: expect.stringContaining(url) });
    } finally {
      writeFileSync(file, good);
    }
  });
});
