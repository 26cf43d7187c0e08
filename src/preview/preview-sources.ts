/**
 * Where the preview reads from, each read taking the reload's signal: the published content
 * (src/bridge/fetch-content.ts), the build problems (problems.json beside it, written by the
 * dev server and the build) and this browser's kiosk state, asked of its service worker
 * (src/bridge/worker-state.ts). Tests pass their own.
 */
import { fetchContent } from '../bridge/fetch-content.ts';
import { readWorkerState, type WorkerState } from '../bridge/worker-state.ts';
import type { Problem } from '../content/problem.ts';
import type { ContentSet } from '../frame/content-set.ts';

export interface PreviewSources {
  content(base: URL, signal: AbortSignal): Promise<ContentSet>;
  problems(base: URL, signal: AbortSignal): Promise<Problem[]>;
  kiosk(signal: AbortSignal): Promise<WorkerState | undefined>;
}

export const publishedSources: PreviewSources = {
  content: (base, signal) => fetchContent(base, { signal }),
  async problems(base, signal) {
    const res = await fetch(new URL('problems.json', base), { cache: 'no-cache', signal });
    return res.ok ? ((await res.json()) as { problems: Problem[] }).problems : [];
  },
  kiosk: (signal) => readWorkerState(signal),
};
