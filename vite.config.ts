import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig, type Plugin } from 'vitest/config';
import { readPublicKeys } from './tools/lib/public-keys.ts';
import { contentPlugin } from './tools/lib/vite-content-plugin.ts';

/**
 * The strict Content-Security-Policy of the built pages: no inline script, no eval, styles
 * only from files and Lit's adopted stylesheets. Added at build time only, because the dev
 * server injects inline styles for hot reload.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'self'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** "0.1.0+89b9784": the package version and, in a git checkout, the commit. */
function appBuild(): string {
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  try {
    return `${version}+${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()}`;
  } catch {
    return version;
  }
}

function contentSecurityPolicy(): Plugin {
  return {
    name: 'science-window:csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

export default defineConfig({
  // The pages live in src/ so that the top level holds only the project's own folders.
  root: 'src',
  publicDir: '../public',
  envDir: '..',
  base: './',
  define: {
    // Public keys only; with none, the screens accept unsigned manifests.
    __SW_PUBLIC_KEYS__: JSON.stringify(readPublicKeys()),
    // The screens' time limit for one sync request, headers and body (docs/deploy.md).
    __SW_REQUEST_TIMEOUT_MS__: JSON.stringify(Number(process.env.SW_REQUEST_TIMEOUT_MS) || 60_000),
    // What a screen's heartbeat names as its build (docs/fleet.md).
    __APP_BUILD__: JSON.stringify(appBuild()),
  },
  plugins: [
    contentSecurityPolicy(),
    // SW_CONTENT_DIR: another content folder for the dev server (the dev e2e test uses a copy).
    contentPlugin(process.env.SW_CONTENT_DIR ?? 'content'),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      injectRegister: false,
      manifestFilename: 'app.webmanifest',
      manifest: {
        name: '電子科普之窗',
        short_name: '科普之窗',
        description: '社區電子科普之窗：四季養生、會議精神、安全宣傳與科普活動',
        lang: 'zh-Hant',
        display: 'fullscreen',
        orientation: 'any',
        background_color: '#000000',
        theme_color: '#0b3d2e',
        // The kiosk remembers its screen id, so a start without ?screen= resumes it.
        start_url: './',
        scope: './',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        // Content is synced by the engine, not precached; schemas are for editors.
        globIgnores: ['content/**', 'schema/**', '.vite/**'],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    target: 'es2022',
    outDir: '../dist',
    // dist/content/ is written by the content compiler and must survive app builds.
    emptyOutDir: false,
    modulePreload: { polyfill: false },
    manifest: true,
    rollupOptions: {
      input: { kiosk: 'index.html', preview: 'preview.html' },
      // Everything the kiosk entry imports in ONE chunk (the preview may load it too): a kiosk
      // split into a kiosk-only and a shared chunk costs ~2 KB more gzip than one stream.
      output: { codeSplitting: { groups: [{ name: 'kiosk-core', test: /src\/(ui\/kiosk-app|bridge\/(start-sync|app-update|worker-link)|app\/(clock|params|remembered-screen))\.ts$/ }] } },
    },
  },
  test: {
    root: '.',
    projects: [
      {
        extends: true,
        // The timeout only catches a hang: speed is measured by `npm run bench`, never by a
        // timed test, and a property test of 150 histories must not fail on a loaded box.
        test: { name: 'unit', root: '.', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        extends: true,
        // The fleet server on PGlite and on PostgreSQL (a throwaway cluster: global-setup.ts).
        test: {
          name: 'fleet', root: '.', include: ['test/fleet/**/*.test.ts'], environment: 'node',
          globalSetup: ['test/fleet/global-setup.ts'], testTimeout: 60_000, hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          // One retry absorbs a rare stall of a real browser on a loaded 2-core box; a real
          // failure fails twice.
          retry: 1,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
