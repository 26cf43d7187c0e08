/**
 * Screenshots of every kind of slide at 1920×1080 and 1080×1920, in headless Chromium, under
 * the production Content-Security-Policy (any CSP violation fails the run).
 *
 *   npx tsx test/browser/screenshots.ts [outDir]    (default /tmp/science-window-shots)
 *
 * It compiles content/ and bundles test/browser/screens-page.ts into a temporary site, serves
 * it on localhost and shoots each slide after its fade-in.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CSP } from '../../vite.config.ts';

const out = process.argv[2] ?? '/tmp/science-window-shots';
const site = mkdtempSync(join(tmpdir(), 'sw-shots-'));
mkdirSync(out, { recursive: true });
execFileSync('npx', ['tsx', 'tools/build-content.ts', '--out', join(site, 'content')], { stdio: 'inherit' });
await build({ entryPoints: ['test/browser/screens-page.ts'], bundle: true, format: 'esm', target: 'es2022', outfile: join(site, 'page.js'), tsconfig: 'tsconfig.json' });
copyFileSync('src/app/page.css', join(site, 'app.css'));
copyFileSync('src/ui/kiosk.css', join(site, 'kiosk.css'));
writeFileSync(join(site, 'index.html'), `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}"><link rel="stylesheet" href="app.css"><link rel="stylesheet" href="kiosk.css">
<script type="module" src="page.js"></script></head><body><kiosk-app></kiosk-app></body></html>`);

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  try {
    const body = readFileSync(join(site, path.endsWith('/') ? `${path}index.html` : path));
    res.writeHead(200, { 'content-type': TYPES[extname(path) || '.html'] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;

const SHOTS: [name: string, item: string, at: string][] = [
  ['health', 'health/autumn/chongyang-walk', '2026-10-18T09:00:00+08:00'],
  ['policy', 'policy/elderly-care', '2026-10-18T09:00:00+08:00'],
  ['safety', 'safety/scam', '2026-10-18T09:00:00+08:00'],
  ['event', 'events/chongyang-2026', '2026-10-15T09:00:00+08:00'],
  ['notice', 'notices/kepu-daxue-enrollment', '2026-12-10T09:00:00+08:00'],
  ['alert', 'alerts/heat-orange-2026', '2026-07-28T12:00:00+08:00'],
  ['today', 'none', '2026-10-23T09:00:00+08:00'],
  ['off', 'none', '2026-10-18T23:00:00+08:00'],
  ['screens', 'none', ''],
];
const SCREENS = [
  { name: 'landscape', screen: 'lvyuan-gate', viewport: { width: 1920, height: 1080 } },
  { name: 'portrait', screen: 'qingxi-corridor', viewport: { width: 1080, height: 1920 } },
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems: string[] = [];
try {
  for (const s of SCREENS) {
    const page = await browser.newPage({ viewport: s.viewport });
    page.on('console', (m) => {
      if (m.location().url.endsWith('/favicon.ico')) return;
      if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(`${s.name}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${s.name}: ${e.message}`));
    for (const [name, item, at] of SHOTS) {
      const screen = name === 'screens' ? 'no-such-screen' : s.screen;
      await page.goto(`http://127.0.0.1:${port}/?screen=${screen}&item=${encodeURIComponent(item)}&at=${encodeURIComponent(at)}`);
      await page.waitForFunction(() => document.querySelector('kiosk-app')?.getAttribute('data-state') !== 'loading' && document.querySelector('kiosk-app')?.hasAttribute('data-state'));
      await page.waitForTimeout(900);
      const state = await page.locator('kiosk-app').getAttribute('data-state');
      const on = await page.locator('kiosk-app').getAttribute('data-item');
      const file = join(out, `${name}-${s.name}.png`);
      await page.screenshot({ path: file });
      console.log(`${file}  state=${state} item=${on ?? '-'}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(site, { recursive: true, force: true });
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
