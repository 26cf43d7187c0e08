/**
 * `npm run build:content [-- --content DIR --out DIR --lang zh-Hant|en]`: validates and compiles
 * the content folder into content-addressed files and a manifest (default content/ → dist/content/),
 * then each feed the root delegates whose folder is under --feeds (default feeds/) into
 * dist/feeds/<id>/, each signed with its own key (tools/lib/feeds.ts). With any error in the
 * root it exits 1 and leaves the previous output untouched; a feed with errors keeps its
 * previous output, the others are written, and the exit is 1. `--feed <id>`: that feed only (a
 * community publishing its own; the root is read for its delegation and screens, not written).
 */
import { parseArgs } from 'node:util';
import { messageLang } from '../src/content/messages.ts';
import { formatProblem } from '../src/content/problem.ts';
import { dirname, join } from 'node:path';
import { compileContent } from './lib/compile.ts';
import { loadContent } from './lib/load-content.ts';
import { ensureFeedKeys } from './lib/feed-keys.ts';
import { buildFeeds, delegationsIn } from './lib/feeds.ts';
import { writeProblems } from './lib/problems-file.ts';
import { readPrivateKey } from './lib/sign.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: 'dist/content' },
    feeds: { type: 'string', default: 'feeds' },
    feed: { type: 'string' },
    lang: { type: 'string' },
  },
});
const lang = messageLang(values.lang ?? process.env.LANG);
const feedsOut = join(dirname(values.out), 'feeds');

/** Builds the feeds (all, or `only`), prints each; returns how many had errors. */
async function publishFeeds(root: Parameters<typeof buildFeeds>[0]['root'], only?: string): Promise<number> {
  const feeds = await buildFeeds({ root, feedsDir: values.feeds, outDir: feedsOut, now: Date.now(), only });
  let errors = 0;
  for (const f of feeds) {
    for (const p of f.problems) console.error(formatProblem(p, lang));
    if (f.outcome === 'built') {
      writeProblems(f.outDir, f.problems);
      console.log(`  feed ${f.id}: ${f.manifest!.items.length} items → ${f.outDir}/manifest.json, signed by key ${f.manifest!.signature!.key.slice(0, 12)}, ${f.written.length} file(s) written`);
    } else if (f.outcome === 'elsewhere') {
      console.log(`  feed ${f.id}: no folder ${f.dir}; published by its owner elsewhere`);
    } else {
      errors++;
      console.error(lang === 'en' ? `  feed ${f.id}: has errors; ${f.outDir} was left as it was` : `  來源 ${f.id}：有錯誤，${f.outDir} 保持不變`);
    }
  }
  if (only !== undefined && feeds.length === 0) {
    console.error(`build:content: no feed "${only}" among the feeds of ${values.content}/settings.json`);
    errors++;
  }
  return errors;
}

// A community publishing its own feed: the root is read (its delegation, its screens), not written.
if (values.feed !== undefined) {
  const root = loadContent(values.content);
  process.exit((await publishFeeds(root, values.feed)) > 0 ? 1 : 0);
}
const started = performance.now();
// A fresh checkout of the sample: its feeds get machine-local key pairs (a delegation that names
// its key, as a real street office's does, is never touched). See tools/lib/feed-keys.ts.
for (const id of await ensureFeedKeys(delegationsIn(values.content), values.feeds)) {
  console.log(`build:content: feed ${id}: this machine's key pair, keys/feeds/${id}.public.jwk (npm run keys -- --feed ${id})`);
}
// The private key stays on the publishing machine: its path comes from the environment only.
const keyPath = process.env.SW_SIGNING_KEY;
const signingKey = keyPath ? readPrivateKey(keyPath) : undefined;
const result = await compileContent({ contentDir: values.content, outDir: values.out, now: Date.now(), signingKey });
for (const p of result.problems) console.error(formatProblem(p, lang));
if (!result.ok) {
  console.error(lang === 'en'
    ? `build:content: content has errors; ${values.out} was left as it was`
    : `build:content：內容有錯誤，${values.out} 保持不變（螢幕繼續播放上一版內容）`);
  process.exit(1);
}
// The preview of the built site lists the warnings too (and finds the file it asks for).
writeProblems(values.out, result.problems);
const m = result.manifest!;
console.log(`build:content: ${m.items.length} items, ${m.assets.length} assets, ${m.screens.length} screens → ${values.out}/manifest.json`);
console.log(`  version ${m.version.slice(0, 12)}${m.signature ? `, signed by key ${m.signature.key.slice(0, 12)}` : ', unsigned'}, ${result.written.length} file(s) written, ${result.removed.length} removed (${Math.round(performance.now() - started)} ms)`);

if ((await publishFeeds(m)) > 0) process.exit(1);
