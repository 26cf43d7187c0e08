/**
 * Feed folders that must stay apart. A screen collects (deletes) every cached file under a
 * feed's folder that the feed's own sets do not name, and the root does the same under the
 * content folder. So a feed folder may not be the content folder, sit inside it or hold it
 * ("../", "./"), and no two feeds may share a folder or nest one inside the other: each
 * collection would delete the other's files. Pure: the validator and the build ask here.
 *
 * Relative urls are resolved as the screen resolves them, against the content folder (here a
 * stand-in, `https://root.invalid/content/`: the site's real address is not known at build; the
 * screen passes its own);
 * an absolute url on another host never meets a relative one. The folder is where the feed's
 * files resolve: a query or a fragment makes no other folder ("../feeds/a/?v=2" is
 * "../feeds/a/"; in "../feeds/a?v=2" the "/" the screen adds lands in the query, so its files
 * resolve in "../feeds/").
 *
 * @example feedUrlProblems([{ id: 'a', url: '../feeds/a/' }, { id: 'b', url: '../feeds/a/b/' }])
 *          // [{ index: 1, code: 'feed-url-overlap', params: { feed: 'b', url: '../feeds/a/b/', other: 'a', otherUrl: '../feeds/a/' } }]
 */

export type FeedUrlCode = 'feed-url-bad' | 'feed-url-root' | 'feed-url-overlap';

export interface FeedUrlProblem {
  /** The delegation's index in settings.feeds. */
  index: number;
  code: FeedUrlCode;
  params: Record<string, string>;
}

/** Where the content folder stands in for relative urls (never fetched). */
const CONTENT = new URL('https://root.invalid/content/');

/** The folder a delegation's files resolve in (origin and path, ending in "/"), or undefined when its url is not a web address. */
export function feedFolder(url: string, content: URL = CONTENT): string | undefined {
  let u: URL;
  try {
    u = new URL(url.endsWith('/') ? url : `${url}/`, content);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  // The folder its files resolve against (after a query, the "/" added lands in the query).
  const dir = new URL('./', u);
  return `${dir.origin}${dir.pathname}`;
}

const within = (inner: string, outer: string) => inner.startsWith(outer);

/**
 * Every delegation whose folder is not a web address, is, holds or sits inside the content
 * folder, or is, holds or sits inside an earlier delegation's folder (reported once, at the
 * later one, naming the first it meets).
 */
export function feedUrlProblems(feeds: readonly { id: string; url: string }[], content: URL = CONTENT): FeedUrlProblem[] {
  const out: FeedUrlProblem[] = [];
  const root = `${content.origin}${content.pathname}`;
  const seen: { id: string; url: string; folder: string }[] = [];
  feeds.forEach((f, index) => {
    const folder = feedFolder(f.url, content);
    if (folder === undefined) {
      out.push({ index, code: 'feed-url-bad', params: { feed: f.id, url: f.url } });
      return;
    }
    if (within(folder, root) || within(root, folder)) {
      out.push({ index, code: 'feed-url-root', params: { feed: f.id, url: f.url } });
      return;
    }
    const other = seen.find((s) => within(folder, s.folder) || within(s.folder, folder));
    if (other) out.push({ index, code: 'feed-url-overlap', params: { feed: f.id, url: f.url, other: other.id, otherUrl: other.url } });
    seen.push({ id: f.id, url: f.url, folder });
  });
  return out;
}
