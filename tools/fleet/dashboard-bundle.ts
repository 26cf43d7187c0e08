/**
 * The dashboard's script, bundled from src/fleet/dashboard/ by esbuild (which vite and tsx
 * already bring) once per server start, into memory. It never goes to dist/: the kiosk's static
 * site carries nothing of the dashboard, and the server hands it out only after login.
 */
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../../src/fleet/dashboard/main.ts', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));

export function dashboardBundle(): () => Promise<string> {
  let built: Promise<string> | undefined;
  return () => {
    built ??= import('esbuild').then(async ({ build }) => {
      const out = await build({
        entryPoints: [ENTRY], bundle: true, write: false, format: 'esm', target: 'es2022',
        minify: true, legalComments: 'none', tsconfig: TSCONFIG, logLevel: 'silent',
      });
      return out.outputFiles[0]!.text;
    });
    built.catch(() => {
      built = undefined;
    });
    return built;
  };
}
