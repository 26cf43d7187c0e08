import { launch, serveDist } from './test/e2e/harness.ts';
const [browser, server] = await Promise.all([launch(), serveDist()]);
for (const [w, h, screen] of [[1920, 1080, 'lvyuan-gate'], [1080, 1920, 'qingxi-corridor']] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  page.on('request', (r) => r.url().includes('film') && console.log('req', r.url()));
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
  await page.goto(`${server.url}?screen=${screen}&at=2026-05-12T09:01:24%2B08:00`);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20000 });
  // step through slides until the film
  for (let i = 0; i < 60; i++) {
    const id = await page.locator('kiosk-app').getAttribute('data-item');
    if (id === 'safety/earthquake-drill-film') break;
    await page.waitForTimeout(500);
    await page.evaluate(() => (document.querySelector('kiosk-app') as any).clock);
  }
  await page.waitForTimeout(1500);
  console.log(await page.evaluate(() => { const el = document.querySelector('.layer.top > [data-item]') as any; return [el?.tagName, JSON.stringify(el?.data?.slide?.item)?.slice(0, 400), el?.outerHTML.slice(0, 600)]; }));
  console.log(screen, await page.locator('kiosk-app').getAttribute('data-item'), await page.evaluate(() => [...document.querySelectorAll('video')].map(v => [v.className, v.readyState, v.currentTime, v.paused, v.getAttribute('src')])));
  await page.screenshot({ path: `/tmp/wtv/${screen}.png` });
  await page.close();
}
await browser.close(); await server.close();
