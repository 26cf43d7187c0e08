/**
 * The worker's answer to a page's request (src/sync/worker-protocol.ts): a sync run, the
 * stored state, or a screen's frames made from the committed set (at most two hours at a time:
 * planning blocks the worker, which also answers the page's picture requests).
 */
import type { ContentWorker } from '../sync/content-worker.ts';
import type { WorkerRequest } from '../sync/worker-protocol.ts';
import { framesFor } from '../frame/frames-for.ts';

export const MAX_FRAME_MINUTES = 120;

export async function answer(content: ContentWorker, request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case 'sync':
      return content.sync();
    case 'state':
      return content.state();
    case 'frames': {
      // Remembered (best effort) so that the next sync takes only the feeds this screen plays.
      if (request.screen) await content.plays(request.screen).catch(() => undefined);
      const set = await content.active();
      return set ? framesFor(set, request.screen, request.from, Math.min(request.minutes, MAX_FRAME_MINUTES)) : null;
    }
  }
}
