// Browser tests (Lit components in Debian's Chromium): `npm run test:browser`. Paths are relative to the project root, where npm runs it.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 20_000 } },
  // The kiosk components render into light DOM: their stylesheet is the page's, as in src/index.html.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html><head><link rel="stylesheet" href="/src/ui/kiosk.css"></head>
<body><script type="module" src="${testFramework}"></script></body></html>`,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync'],
      },
    }),
  ],
};
