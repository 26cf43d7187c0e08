/**
 * The policy every content file is served with from the worker: an SVG opened by its own URL
 * is a document of the kiosk's origin, so it gets a Content-Security-Policy that runs no script
 * and loads nothing (the compiler already refuses scripted SVG: tools/lib/svg-safety.ts; this
 * is the second lock, for a file that reached the cache some other way). Pure: a Response in,
 * a Response out.
 */
export const ASSET_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

export function withAssetPolicy(res: Response): Response {
  if (!/svg/i.test(res.headers.get('Content-Type') ?? '')) return res;
  const headers = new Headers(res.headers);
  headers.set('Content-Security-Policy', ASSET_CSP);
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}
