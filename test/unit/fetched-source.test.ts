/**
 * The no-worker kiosk's refetch (fetchedSource().refresh(), on a poll timer and on every dev
 * server edit) can overlap: each refresh aborts the one before, and only the latest call's set
 * is held, whatever order the responses come back in. A fake fetch holds every manifest request
 * until the test answers it with one of two compiled sets; the other files are served at once.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Fetch, fetchedSource } from '../../src/bridge/fetch-content.ts';
import { latestCall } from '../../src/bridge/latest-call.ts';
import { compileContent } from '../../tools/lib/compile.ts';

const dir = mkdtempSync(join(tmpdir(), 'sw-refresh-'));
const OLD = join(dir, 'old');
const NEW = join(dir, 'new');
/** The old content as built a month earlier: what a stale mirror still serves. */
const STALE = join(dir, 'stale');
const versions: Record<string, string> = {};
const base = new URL('http://content.test/content/');

beforeAll(async () => {
  for (const [out, contentDir] of [[OLD, 'test/fixtures/valid'], [NEW, 'test/fixtures/preview']] as const) {
    const r = await compileContent({ contentDir, outDir: out, now: Date.parse('2026-10-01T00:00:00Z'), calendarYears: [2026, 2027] });
    expect(r.ok).toBe(true);
    versions[out] = (JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { version: string }).version;
  }
  expect(versions[OLD]).not.toBe(versions[NEW]);
  const r = await compileContent({ contentDir: 'test/fixtures/valid', outDir: STALE, now: Date.parse('2026-09-01T00:00:00Z'), calendarYears: [2026, 2027] });
  expect(r.ok).toBe(true);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Held {
  signal: AbortSignal | undefined;
  /** Answers the held manifest request with that folder's manifest. */
  answer(folder: string): void;
}

/** `honourAbort: false` is a response already on its way when the signal fires. */
function heldFetch(honourAbort: boolean): { get: Fetch; held: Held[] } {
  const held: Held[] = [];
  const get: Fetch = async (url, init) => {
    const path = url.pathname.replace(/^\/content\//, '');
    if (path === 'manifest.json') {
      const folder = await new Promise<string>((resolve, reject) => {
        const signal = init.signal ?? undefined;
        held.push({ signal, answer: resolve });
        if (honourAbort) signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
      return new Response(readFileSync(join(folder, 'manifest.json')));
    }
    // Items and the calendar are content-addressed: either folder's copy is the same file.
    const folder = [OLD, NEW, STALE].find((d) => existsSync(join(d, path)));
    return folder ? new Response(readFileSync(join(folder, path))) : new Response('', { status: 404 });
  };
  return { get, held };
}

describe('fetchedSource().refresh()', () => {
  it('moves forward only: a stale mirror\'s older build never replaces the newer one', async () => {
    const { get, held } = heldFetch(true);
    const source = fetchedSource(base, [], { fetch: get });
    const first = source.refresh();
    held[0]!.answer(NEW);
    await first;
    expect(source.current()?.manifest.version).toBe(versions[NEW]);
    const second = source.refresh();
    held[1]!.answer(STALE);
    await second;
    expect(source.current()?.manifest.version).toBe(versions[NEW]);
  });

  it('drops an older refresh that finishes after a newer one, even one that ignores its signal', async () => {
    const { get, held } = heldFetch(false);
    const source = fetchedSource(base, [], { fetch: get });
    const seen: string[] = [];
    source.subscribe((c) => seen.push(c.manifest.version));
    const first = source.refresh();
    await vi.waitFor(() => expect(held).toHaveLength(1));
    const second = source.refresh();
    await vi.waitFor(() => expect(held).toHaveLength(2));
    held[1]!.answer(NEW);
    await second;
    held[0]!.answer(OLD);
    await first;
    expect(source.current()?.manifest.version).toBe(versions[NEW]);
    expect(seen).toEqual([versions[NEW]]);
    expect([held[0]!.signal?.aborted, held[1]!.signal?.aborted]).toEqual([true, false]);
  });

  it('an aborted older refresh resolves quietly; the newer one lands', async () => {
    const { get, held } = heldFetch(true);
    const source = fetchedSource(base, [], { fetch: get });
    const first = source.refresh();
    await vi.waitFor(() => expect(held).toHaveLength(1));
    const second = source.refresh();
    await vi.waitFor(() => expect(held).toHaveLength(2));
    await expect(first).resolves.toBeUndefined();
    held[1]!.answer(NEW);
    await second;
    expect(source.current()?.manifest.version).toBe(versions[NEW]);
  });

  it('a refresh its caller aborted lands nothing, and rejects where the fetch stops', async () => {
    for (const honourAbort of [false, true]) {
      const { get, held } = heldFetch(honourAbort);
      const source = fetchedSource(base, [], { fetch: get });
      const ctl = new AbortController();
      const refresh = source.refresh(ctl.signal);
      await vi.waitFor(() => expect(held).toHaveLength(1));
      ctl.abort();
      expect(held[0]!.signal?.aborted).toBe(true);
      if (honourAbort) await expect(refresh).rejects.toMatchObject({ name: 'AbortError' });
      else {
        held[0]!.answer(OLD);
        await refresh;
      }
      expect(source.current()).toBeUndefined();
    }
  });

  it('refreshes one after another each land', async () => {
    const { get, held } = heldFetch(true);
    const source = fetchedSource(base, [], { fetch: get });
    const first = source.refresh();
    await vi.waitFor(() => expect(held).toHaveLength(1));
    held[0]!.answer(OLD);
    await first;
    expect(source.current()?.manifest.version).toBe(versions[OLD]);
    const second = source.refresh();
    await vi.waitFor(() => expect(held).toHaveLength(2));
    held[1]!.answer(NEW);
    await second;
    expect(source.current()?.manifest.version).toBe(versions[NEW]);
  });
});

describe('latestCall', () => {
  it('aborts the call before, and only the latest is current', () => {
    const calls = latestCall();
    const a = calls.start();
    const b = calls.start();
    expect([a.signal.aborted, a.current(), b.signal.aborted, b.current()]).toEqual([true, false, false, true]);
    calls.abort();
    expect([b.signal.aborted, b.current()]).toEqual([true, false]);
  });

  it("follows the caller's own signal", () => {
    const outer = new AbortController();
    const call = latestCall().start(outer.signal);
    expect(call.current()).toBe(true);
    outer.abort();
    expect([call.signal.aborted, call.current()]).toEqual([true, false]);
  });
});
