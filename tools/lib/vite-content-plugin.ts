/**
 * `npm run dev`: compiles content/ in memory and serves it under /content/ as the published
 * site would. Adding, changing or deleting a file under content/ recompiles and tells open
 * pages at once (a `science-window:content` message); a broken file keeps the last good content
 * on the screen and shows its problems in the page (Vite's overlay, and the preview's list)
 * and in the terminal (file:line:col) instead of crashing the server; the overlay goes once the
 * file is good. The feeds the root delegates whose folders are under feeds/ are compiled too
 * (signed with their keys when this machine has them) and served under /feeds/<id>/.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { Manifest } from '../../src/content/manifest.ts';
import { messageLang } from '../../src/content/messages.ts';
import { formatProblem, type Problem } from '../../src/content/problem.ts';
import { buildOutput, manifestText } from './compile.ts';
import { defaultKey, feedContext } from './feeds.ts';
import { signManifest } from './sign.ts';

export const CONTENT_EVENT = 'science-window:content';

/** What the dev server tells pages after each compile. */
export interface ContentMessage {
  version: string | undefined;
  ok: boolean;
  problems: string[];
}

interface State {
  manifest?: Manifest;
  files: Map<string, Uint8Array>;
  problems: Problem[];
  ok: boolean;
}

export function contentPlugin(contentDir = 'content', feedsDir = 'feeds'): Plugin {
  const dir = resolve(contentDir);
  const feedsRoot = resolve(feedsDir);
  const state: State = { files: new Map(), problems: [], ok: false };
  /** Each delegated feed's compiled state, by id. */
  const feeds = new Map<string, State>();
  let queue = Promise.resolve();

  const problems = () => [state.problems, ...[...feeds.values()].map((f) => f.problems)].flat();
  const lines = () => problems().map((p) => formatProblem(p, messageLang(state.manifest?.settings.locale)));

  /** Compiles each delegated feed with a folder here, as `npm run build` does (a broken one keeps its last good set). */
  async function rebuildFeeds(): Promise<void> {
    const root = state.manifest;
    for (const d of root?.settings.feeds ?? []) {
      const at = join(feedsRoot, d.id);
      if (!existsSync(at)) continue;
      const f: State = feeds.get(d.id) ?? { files: new Map(), problems: [], ok: false };
      feeds.set(d.id, f);
      const built = await buildOutput({ contentDir: at, now: Date.now(), feed: feedContext(root!, d) }, f.manifest);
      f.problems = built.problems;
      f.ok = built.ok;
      if (!built.ok || !built.manifest || !built.root) continue;
      const key = defaultKey(d.id);
      const published = key ? await signManifest(built.root, key) : built.root;
      f.manifest = { ...published, items: built.manifest.items, assets: built.manifest.assets };
      for (const [url, data] of built.files) f.files.set(url, data);
    }
  }

  let said = '';
  /** Each problem in the terminal as file:line:col (once per change), and a line when the content is good again. */
  function report(server?: ViteDevServer): void {
    const all = lines();
    const now = `${state.ok}\n${all.join('\n')}`;
    if (now === said) return;
    const was = said;
    said = now;
    const log = server?.config.logger ?? { error: console.error, warn: console.warn, info: console.info };
    const listed = problems();
    for (const [i, line] of all.entries()) (listed[i]!.severity === 'error' ? log.error : log.warn)(line);
    if (!state.ok) log.error(`science-window: content has errors; the screens keep the last good version${state.manifest ? ` (${state.manifest.version.slice(0, 8)})` : ''}`);
    else if (was.startsWith('false')) log.info(`science-window: content is good again (version ${state.manifest?.version.slice(0, 8)})`);
  }

  async function rebuild(server?: ViteDevServer): Promise<void> {
    try {
      const built = await buildOutput({ contentDir: dir, now: Date.now() }, state.manifest);
      state.problems = built.problems;
      state.ok = built.ok;
      if (built.ok && built.manifest) {
        state.manifest = built.manifest;
        // Files of earlier versions stay served, as on a real host, for pages mid-load.
        for (const [url, data] of built.files) state.files.set(url, data);
      }
      await rebuildFeeds();
    } catch (e) {
      state.ok = false;
      state.problems = [{ file: relative(process.cwd(), dir), line: 1, col: 1, severity: 'error', code: 'json-syntax', params: { syntax: String(e) } }];
    }
    report(server);
    if (!server) return;
    const message: ContentMessage = { version: state.manifest?.version, ok: state.ok, problems: lines() };
    server.ws.send({ type: 'custom', event: CONTENT_EVENT, data: message });
    if (!state.ok) {
      server.ws.send({ type: 'error', err: { message: message.problems.filter((l) => !/:\s*(warning|警告)/.test(l)).join('\n'), stack: '', plugin: 'science-window:content' } });
    }
  }

  return {
    name: 'science-window:content',
    apply: 'serve',
    async configureServer(server) {
      await rebuild();
      server.watcher.add(dir);
      if (existsSync(feedsRoot)) server.watcher.add(feedsRoot);
      let timer: NodeJS.Timeout | undefined;
      server.watcher.on('all', (_event, file) => {
        if (!resolve(file).startsWith(dir) && !resolve(file).startsWith(feedsRoot)) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          queue = queue.then(() => rebuild(server));
        }, 80);
      });
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!;
        // Only published names: src/content/*.ts modules share the /content/ prefix (Vite root is src/).
        const m = /\/(content|feeds\/([a-z0-9][a-z0-9-]*))\/(manifest\.json|problems\.json|(?:pages|items|assets|calendar)\/[0-9a-f]{64}\.[a-z0-9]+)$/.exec(path);
        if (!m) return next();
        const url = m[3]!;
        const feed = m[2];
        if (feed !== undefined) return serveFeed(feeds.get(feed), url, res);
        res.setHeader('Cache-Control', 'no-cache');
        if (url === 'problems.json') {
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.end(JSON.stringify({ version: state.manifest?.version, ok: state.ok, problems: state.problems, lines: lines() }));
        } else if (url === 'manifest.json' && state.manifest) {
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.end(manifestText(state.manifest));
        } else if (state.files.has(url)) {
          const type = url.endsWith('.svg') ? 'image/svg+xml' : url.endsWith('.json') ? 'application/json' : url.endsWith('.png') ? 'image/png' : url.endsWith('.webp') ? 'image/webp' : 'image/jpeg';
          res.setHeader('Content-Type', type);
          res.end(state.files.get(url));
        } else {
          res.statusCode = 404;
          res.end('not found');
        }
      });
    },
  };
}

const typeOf = (url: string) => (url.endsWith('.svg') ? 'image/svg+xml' : url.endsWith('.json') ? 'application/json'
  : url.endsWith('.png') ? 'image/png' : url.endsWith('.webp') ? 'image/webp' : 'image/jpeg');

/** A feed's files, as the static host serves dist/feeds/<id>/. */
function serveFeed(f: State | undefined, url: string, res: import('node:http').ServerResponse): void {
  res.setHeader('Cache-Control', 'no-cache');
  if (url === 'problems.json') {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ problems: f?.problems ?? [] }));
  } else if (url === 'manifest.json' && f?.manifest) {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(manifestText(f.manifest));
  } else if (f?.files.has(url)) {
    res.setHeader('Content-Type', typeOf(url));
    res.end(f.files.get(url));
  } else {
    res.statusCode = 404;
    res.end('not found');
  }
}

