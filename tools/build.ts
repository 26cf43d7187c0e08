/**
 * `npm run build`: compiles the content (first; with any error nothing is published), then
 * builds the app into dist/, keeping dist/content/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: 'inherit' });

try {
  run(process.execPath, ['--import', 'tsx', 'tools/build-content.ts', ...process.argv.slice(2)]);
} catch {
  process.exit(1);
}
// Old app files go; content and feed files stay (screens mid-sync may still need the previous set).
if (existsSync('dist')) {
  for (const f of readdirSync('dist')) if (f !== 'content' && f !== 'feeds') rmSync(join('dist', f), { recursive: true, force: true });
}
try {
  run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
} catch {
  process.exit(1);
}
