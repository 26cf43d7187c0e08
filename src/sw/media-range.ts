/**
 * Range requests for cached content: a film played from the content cache is asked for in
 * ranges (Chromium's media stack asks `bytes=0-`, then wherever it seeks or loops), and must get
 * a 206 with exactly those bytes, offline too. workbox-range-requests cuts the cached response
 * (a Blob slice: the film is not read into memory); a request without Range gets the response
 * as it is. A range that starts past the end gets a 416 (Workbox would give an empty 206).
 */
import { createPartialResponse } from 'workbox-range-requests';

export async function withRange(request: Request, cached: Response): Promise<Response> {
  const range = request.headers.get('range');
  if (!range) return cached;
  const size = Number(cached.headers.get('Content-Length'));
  const start = /^bytes=(\d+)-/.exec(range.trim());
  if (start && Number.isFinite(size) && size > 0 && Number(start[1]) >= size) {
    return new Response(null, { status: 416, statusText: 'Range Not Satisfiable', headers: { 'Content-Range': `bytes */${size}` } });
  }
  return createPartialResponse(request, cached);
}
