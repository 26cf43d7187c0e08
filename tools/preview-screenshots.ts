/** Screenshots of the staff preview for the README (`npm run build` first): `npx tsx tools/preview-screenshots.ts`. */
import { launch } from '../test/e2e/harness.ts';
import { serveStatic } from './lib/static-server.ts';
const server = await serveStatic('dist');
const b = await launch();
for (const [screen, file] of [['lvyuan-gate', 'preview-landscape'], ['qingxi-corridor', 'preview-portrait']]) {
  const p = await b.newPage({ viewport: { width: 1440, height: 1150 } });
  p.on('pageerror', (e) => console.log('err', e.message));
  await p.goto(`${server.url}preview.html?screen=${screen}&at=${encodeURIComponent('2026-10-18T09:00:00+08:00')}&lang=zh-Hant`);
  await p.locator('preview-app section.excluded').waitFor();
  await p.waitForTimeout(2500);
  await p.screenshot({ path: `docs/screenshots/${file}.png` });
}
await b.close(); await server.close();
