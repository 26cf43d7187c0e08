/**
 * `npm run build:content [-- --content DIR --out DIR --lang zh-Hant|en]`: validates and compiles
 * the content folder into content-addressed files and a manifest (default content/ → dist/content/).
 * With any error it exits 1 and leaves the previous output untouched.
 */
import { parseArgs } from 'node:util';
import { messageLang } from '../src/content/messages.ts';
import { formatProblem } from '../src/content/problem.ts';
import { compileContent } from './lib/compile.ts';
import { writeProblems } from './lib/problems-file.ts';
import { readPrivateKey } from './lib/sign.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: 'dist/content' },
    lang: { type: 'string' },
  },
});
const lang = messageLang(values.lang ?? process.env.LANG);
const started = performance.now();
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
