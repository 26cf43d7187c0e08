/**
 * A content-addressed file the content cache does not hold (cleared behind the app's back,
 * evicted, or asked for before its set was committed): only bytes whose sha256 is the one in
 * the file's name reach the glass. A small file is fetched whole, hashed and answered; a film
 * is never streamed unverified (its bytes cannot be checked before they play), so it is
 * answered 503 and the slide keeps its poster until a sync has put the verified film back.
 * Pure: fetch and digest are passed in.
 *
 * @example verifiedMiss(request, (u, i) => fetch(u, i), crypto.subtle) // 200 with the checked bytes, 502, or 503
 */
import { type Digest, sha256Hex } from '../sync/verify.ts';

/** The hash a content-addressed URL names: …/assets/<sha256>.<ext>. */
const NAMED = /\/([0-9a-f]{64})\.([a-z0-9]+)$/;
const FILMS = new Set(['mp4', 'webm']);

/** Why a miss was not answered with the file (the page sees a failed load and keeps its fallback). */
const refuse = (status: 502 | 503, why: string) =>
  new Response(null, { status, statusText: why, headers: { 'Cache-Control': 'no-store' } });

export async function verifiedMiss(
  request: Request,
  fetch: (url: string, init: RequestInit) => Promise<Response>,
  subtle: Digest,
): Promise<Response> {
  const named = NAMED.exec(new URL(request.url).pathname);
  if (!named) return refuse(502, 'Not content-addressed');
  if (FILMS.has(named[2]!)) return refuse(503, 'Film not verified yet');
  let res: Response;
  try {
    // The whole file, whatever range was asked for: only whole bytes can be checked.
    res = await fetch(request.url, { credentials: 'omit', cache: 'no-store' });
  } catch {
    return refuse(503, 'Offline');
  }
  if (!res.ok) return refuse(502, `Upstream ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if ((await sha256Hex(subtle, bytes)) !== named[1]) return refuse(502, 'Hash mismatch');
  const headers = new Headers({ 'Content-Type': res.headers.get('Content-Type') ?? 'application/octet-stream', 'Content-Length': String(bytes.byteLength) });
  return new Response(bytes, { status: 200, headers });
}
