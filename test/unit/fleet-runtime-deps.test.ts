/**
 * `npm ci --omit=dev` then `npm run fleet` works: every package the fleet server loads at run
 * time (its imports, the dashboard's, which it bundles with esbuild on first request, and the
 * runner of its npm script) is a dependency, pinned to the very version package-lock.json holds.
 * (Checked by hand in a scratch copy: npm ci --omit=dev, npm run fleet, login, /fleet/dashboard.js.)
 */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version: string }> };

/** The packages a module graph imports (statically or dynamically), by name. */
async function packagesOf(entries: string[]): Promise<string[]> {
  const r = await build({ entryPoints: entries, bundle: true, write: false, platform: 'node', format: 'esm', packages: 'external', metafile: true, logLevel: 'silent', outdir: 'out' });
  const names = Object.values(r.metafile.inputs).flatMap((i) => i.imports)
    .filter((i) => i.external && !i.path.startsWith('node:'))
    .map((i) => i.path.split('/').slice(0, i.path.startsWith('@') ? 2 : 1).join('/'));
  return [...new Set(names)].sort();
}

describe('the fleet server\'s run-time packages', () => {
  it('are dependencies at the exact versions of package-lock.json', async () => {
    const runner = pkg.scripts.fleet!.split(' ')[0]!;
    const used = [runner, ...(await packagesOf(['tools/fleet.ts', 'src/fleet/dashboard/main.ts']))];
    expect(used).toContain('esbuild'); // the dashboard bundle's builder
    for (const name of used) {
      expect(pkg.dependencies[name], `${name} in dependencies`).toBe(lock.packages[`node_modules/${name}`]?.version);
    }
  });
});
