/**
 * content/problems.json beside the manifest: the build's problems (warnings, since a build with
 * errors publishes nothing) for the preview of a built site. The dev server serves its own
 * (tools/lib/vite-content-plugin.ts); the preview reads either (src/preview/preview-sources.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../../src/content/problem.ts';

export function writeProblems(outDir: string, problems: readonly Problem[]): void {
  writeFileSync(join(outDir, 'problems.json'), `${JSON.stringify({ problems })}\n`);
}
