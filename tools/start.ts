/**
 * `npm start`: builds the sample content and the app, serves dist/ on localhost and prints the
 * URL of every screen and of the preview.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { RootManifest } from '../src/content/manifest.ts';
import { columns } from './lib/cli.ts';
import { serveStatic } from './lib/static-server.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.PORT ?? '8080' }, 'no-build': { type: 'boolean' } } });
if (!values['no-build']) {
  try {
    execFileSync(process.execPath, ['--import', 'tsx', 'tools/build.ts'], { stdio: 'inherit' });
  } catch {
    process.exit(1);
  }
}
const running = await serveStatic('dist', { port: Number(values.port) }).catch(async (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EADDRINUSE') throw e;
  console.warn(`port ${values.port} is busy; using a free one`);
  return serveStatic('dist');
});
const manifest = JSON.parse(readFileSync('dist/content/manifest.json', 'utf8')) as RootManifest;
console.log(`\nscience-window is serving dist/ at ${running.url}\n`);
const rows: [string, string][] = [
  ...manifest.screens.map((s): [string, string] =>
    [`kiosk  ${typeof s.name === 'string' ? s.name : s.name['zh-Hant'] ?? Object.values(s.name)[0] ?? s.id}`, `${running.url}?screen=${s.id}`]),
  ['preview', `${running.url}preview.html`],
  // The feeds the root delegates, merged on the screens (docs/deploy.md, "Feeds per tier").
  ...(manifest.settings.feeds ?? []).map((f): [string, string] => [`feed   ${f.id}`, new URL(f.url, `${running.url}content/`).href]),
];
console.log(columns(rows).join('\n'));
console.log('\nPress Ctrl+C to stop.');
